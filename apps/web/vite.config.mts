import path from 'node:path';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '../..');

export default defineConfig({
  root: here,
  plugins: [react()],
  resolve: {
    alias: {
      '@rolemap/domain': path.join(root, 'libs/domain/src/index.ts'),
      // Only the parser-free entry point: `@rolemap/importers` itself does not resolve in the browser.
      '@rolemap/importers/fields': path.join(root, 'libs/importers/src/fields.ts'),
      '@rolemap/org-chart-layout': path.join(root, 'libs/org-chart-layout/src/index.ts'),
      '@rolemap/web-org-chart': path.join(root, 'libs/web/org-chart/src/index.ts'),
      '@rolemap/surveys': path.join(root, 'libs/surveys/src/index.ts'),
    },
  },
  build: { outDir: path.join(root, 'dist/apps/web'), emptyOutDir: true, sourcemap: true, chunkSizeWarningLimit: 1500 },
  server: { proxy: { '/graphql': 'http://localhost:3000', '/api': 'http://localhost:3000' } },
});
