// Creates one throwaway database per test run on the PostgreSQL server named by DATABASE_URL
// (default: the local server, user postgres, trust auth) and hands its URL to the tests.
const { Client } = require('pg');

module.exports = async function globalSetup() {
  const serverUrl = process.env.DATABASE_URL || 'postgresql://postgres@127.0.0.1:5432/postgres';
  const name = `rolemap_test_${Date.now()}_${process.pid}`;
  const admin = new Client({ connectionString: serverUrl });
  try {
    await admin.connect();
  } catch (error) {
    throw new Error(
      `Integration tests need a PostgreSQL server at ${serverUrl} (set DATABASE_URL). ` +
        `Start the local one with: pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start\n${error.message}`,
    );
  }
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  process.env.ROLEMAP_TEST_SERVER_URL = serverUrl;
  process.env.ROLEMAP_TEST_DATABASE_URL = url.toString();
  process.env.ROLEMAP_TEST_DATABASE_NAME = name;
};
