// The source folders compiled for the server side: apps/api, apps/cli and every lib's src/ except
// the browser-only libs/web/*. Shared by tools/build-server.js and bin/rolemap.js.
const fs = require('node:fs');
const path = require('node:path');

function libSources(root, dir) {
  if (fs.existsSync(path.join(root, dir, 'project.json')))
    return fs.existsSync(path.join(root, dir, 'src')) ? [`${dir}/src`] : [];
  return fs
    .readdirSync(path.join(root, dir), { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .flatMap((entry) => libSources(root, `${dir}/${entry.name}`));
}

function serverSources(root) {
  return ['apps/api/src', 'apps/cli/src', ...libSources(root, 'libs')].filter(
    (dir) => fs.existsSync(path.join(root, dir)) && !dir.startsWith('libs/web/'),
  );
}

module.exports = { serverSources };
