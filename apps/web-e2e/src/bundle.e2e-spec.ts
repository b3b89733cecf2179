/**
 * @jest-environment node
 */
// No server needed: this reads the build (hence the plain node environment).
import fs from 'node:fs';
import path from 'node:path';

// The web app's production build (made by the e2e target before these tests), read through its
// source maps: which files went into the bundle the browser downloads.
const dist = path.resolve(__dirname, '../../../dist/apps/web');

function bundledSources(): string[] {
  const html = fs.readFileSync(path.join(dist, 'index.html'), 'utf8');
  const scripts = [...html.matchAll(/src="\/?(assets\/[^"]+\.js)"/g)].map((match) => match[1]);
  expect(scripts.length).toBeGreaterThan(0);
  const assets = fs.readdirSync(path.join(dist, 'assets')).filter((name) => name.endsWith('.js'));
  return assets.flatMap((name) => {
    const map = JSON.parse(fs.readFileSync(path.join(dist, 'assets', `${name}.map`), 'utf8')) as { sources: string[] };
    return map.sources.map((source) => path.resolve(dist, 'assets', source));
  });
}

const packageOf = (source: string) => {
  const [, rest] = source.split(`${path.sep}node_modules${path.sep}`);
  if (!rest) return null;
  const parts = rest.split(path.sep);
  return parts[0].startsWith('@') ? `${parts[0]}/${parts[1]}` : parts[0];
};

describe('the web bundle', () => {
  const sources = bundledSources();

  it('takes only the parser-free entry point of the importers (no papaparse, exceljs or encodings)', () => {
    const importers = path.resolve(__dirname, '../../../libs/importers/src');
    const fromImporters = sources.filter((source) => source.startsWith(importers + path.sep));
    // The field names, and the as-of date guessed from a file name (plain string work, no parser).
    expect(fromImporters.map((source) => path.relative(importers, source)).sort()).toEqual([
      'as-of/suggest-as-of.ts',
      'fields.ts',
    ]);
    const packages = new Set(sources.map(packageOf));
    for (const parser of ['papaparse', 'exceljs', 'iconv-lite', 'jszip', 'unzipper']) expect(packages).not.toContain(parser);
  });

  it('loads first a small entry that sends the first requests, and the app as a chunk of its own', () => {
    const html = fs.readFileSync(path.join(dist, 'index.html'), 'utf8');
    const entries = [...html.matchAll(/src="\/?(assets\/[^"]+\.js)"/g)].map((match) => match[1]);
    expect(entries).toHaveLength(1);
    const entry = path.join(dist, entries[0]);
    const map = JSON.parse(fs.readFileSync(`${entry}.map`, 'utf8')) as { sources: string[] };
    const sources = map.sources.map((source) => path.resolve(path.dirname(entry), source));
    // Not React, the router, Apollo's client or the chart: those come with the app, while the requests are on their way.
    const later = ['react', 'react-dom', 'react-router', '@apollo/client/core', 'rxjs', 'd3-selection'].map((name) =>
      path.join('node_modules', name, path.sep),
    );
    expect(sources.filter((source) => later.some((fragment) => source.includes(fragment)))).toEqual([]);
    expect(fs.statSync(entry).size).toBeLessThan(400 * 1024);
  });

  it('takes the d3 modules the chart uses, not the whole of d3', () => {
    const packages = new Set(sources.map(packageOf));
    expect(packages).toContain('d3-zoom');
    expect(packages).toContain('d3-hierarchy');
    expect(packages).not.toContain('d3');
    for (const unused of ['d3-geo', 'd3-force', 'd3-shape', 'd3-dsv', 'd3-fetch']) expect(packages).not.toContain(unused);
  });
});
