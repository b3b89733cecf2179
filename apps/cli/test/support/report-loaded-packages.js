// Preloaded with `node -r` by the start-up test: on exit, adds what the process loaded to the JSON
// file named by ROLEMAP_LOADED_PACKAGES: the npm packages in require's cache, and the process's
// Node flags. Added, not replaced: the command may run in a child process (see bin/rolemap.js)
// that inherits the preload.
const fs = require('node:fs');

process.on('exit', () => {
  const file = process.env.ROLEMAP_LOADED_PACKAGES;
  const seen = fs.existsSync(file) ? JSON.parse(fs.readFileSync(file, 'utf8')) : { packages: [], processes: [] };
  const packages = new Set(seen.packages);
  for (const loaded of Object.keys(require.cache)) {
    const match = /node_modules[\\/]((?:@[^\\/]+[\\/])?[^\\/]+)/.exec(loaded);
    if (match) packages.add(match[1].replace(/\\/g, '/'));
  }
  const flags = process.execArgv.filter((flag) => flag.startsWith('--'));
  fs.writeFileSync(file, JSON.stringify({ packages: [...packages].sort(), processes: [...seen.processes, flags] }));
});
