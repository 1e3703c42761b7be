// Three pages built into dist/: the operator console, the consumer portal and the demo
// shop, plus a landing page. Hashed assets go to dist/assets/ (served immutable);
// nothing is inlined into the HTML, so the server's Content-Security-Policy needs no
// 'unsafe-inline'. `npm run dev` proxies the API to a local `tranche demo`.
import { defineConfig } from 'vite';
import { resolve } from 'node:path';

const api = process.env.TRANCHE_API ?? 'http://127.0.0.1:8080';

export default defineConfig({
  esbuild: { jsx: 'automatic', jsxImportSource: 'preact' },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    assetsInlineLimit: 0,
    modulePreload: { polyfill: false },
    rollupOptions: {
      input: {
        index: resolve(import.meta.dirname, 'index.html'),
        console: resolve(import.meta.dirname, 'console/index.html'),
        portal: resolve(import.meta.dirname, 'portal/index.html'),
        shop: resolve(import.meta.dirname, 'shop/index.html'),
      },
    },
  },
  server: { proxy: { '/v1': api, '/shop/api': api } },
});
