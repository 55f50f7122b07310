import { fileURLToPath } from 'node:url';
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

export default defineConfig({
  plugins: [svelte(), pageRoutes()],
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
