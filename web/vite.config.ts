import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { defineConfig, type Plugin } from 'vite';
import { svelte } from '@sveltejs/vite-plugin-svelte';

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));
const server = 'http://localhost:3000';

/** In dev, serve each page for the paths the real server maps to it. */
function pageRoutes(): Plugin {
  return {
    name: 'ettor-page-routes',
    configureServer(dev) {
      dev.middlewares.use((req, _res, next) => {
        const path = (req.url ?? '/').split('?')[0] ?? '/';
        if (path === '/app' || path.startsWith('/app/')) req.url = '/app.html';
        else if (/^\/\d{8}\/?$/.test(path)) req.url = '/index.html';
        next();
      });
    },
  };
}

/**
 * Writes each built file compressed as well as it compresses (gzip -9 and brotli 11) beside it, for the server to send
 * as it is: phones on poor Wi-Fi get the smallest download, and the server spends no CPU compressing on every request.
 */
function precompress(): Plugin {
  return {
    name: 'ettor-precompress',
    apply: 'build',
    writeBundle(options) {
      const compressible = /\.(js|css|html|svg|json)$/u;
      const walk = (dir: string): string[] =>
        readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
          entry.isDirectory() ? walk(join(dir, entry.name)) : compressible.test(entry.name) ? [join(dir, entry.name)] : [],
        );
      for (const file of walk(options.dir ?? here('dist'))) {
        const bytes = readFileSync(file);
        writeFileSync(`${file}.gz`, gzipSync(bytes, { level: 9 }));
        writeFileSync(`${file}.br`, brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }));
      }
    },
  };
}

export default defineConfig({
  plugins: [svelte(), pageRoutes(), precompress()],
  resolve: {
    alias: { '@ettor/protocol': here('../protocol/src/index.ts') },
  },
  build: {
    outDir: 'dist',
    assetsDir: 'static',
    emptyOutDir: true,
    target: 'es2022',
    modulePreload: { polyfill: false },
    rolldownOptions: {
      input: { index: here('index.html'), app: here('app.html') },
    },
  },
  server: {
    proxy: {
      '/api': server,
      '/media': server,
      '/healthz': server,
      '/live': { target: server.replace('http', 'ws'), ws: true },
    },
  },
});
