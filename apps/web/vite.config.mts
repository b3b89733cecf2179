import path from 'node:path';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { type Plugin, defineConfig } from 'vite';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '../..');

/**
 * The entry (src/main.tsx) only sends the page's first requests, then imports the app's chunk:
 * fetch that chunk and its styles with the page instead, so reading the entry does not delay them.
 */
function loadAppWithThePage(appModule: string): Plugin {
  return {
    name: 'rolemap-load-app-with-the-page',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(_html, context) {
        const app = Object.values(context.bundle ?? {}).find(
          (output) => output.type === 'chunk' && output.facadeModuleId === appModule,
        );
        if (!app || app.type !== 'chunk') throw new Error(`no chunk for ${appModule} in the build`);
        const styles = [...(app.viteMetadata?.importedCss ?? [])];
        return [
          { tag: 'link', attrs: { rel: 'modulepreload', crossorigin: true, href: `/${app.fileName}` }, injectTo: 'head' },
          ...styles.map((href) => ({
            tag: 'link',
            attrs: { rel: 'stylesheet', crossorigin: true, href: `/${href}` },
            injectTo: 'head' as const,
          })),
        ];
      },
    },
  };
}

export default defineConfig({
  root: here,
  plugins: [react(), loadAppWithThePage(path.join(here, 'src/app/start.tsx'))],
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
