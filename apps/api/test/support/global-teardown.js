const { Client } = require('pg');

module.exports = async function globalTeardown() {
  const name = process.env.ROLEMAP_TEST_DATABASE_NAME;
  if (!name || process.env.ROLEMAP_KEEP_TEST_DATABASE) return;
  const admin = new Client({ connectionString: process.env.ROLEMAP_TEST_SERVER_URL });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await admin.end();
};
