// Vite builds the page into dist/ (tools/web/web.cmake runs it in the build
// tree); tledger-embed-assets then embeds dist/ into the binary.
import { defineConfig } from 'vite';

export default defineConfig({
  base: '/',
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    assetsInlineLimit: 0,        // no data: URLs: every file is served by path, under the CSP
    modulePreload: { polyfill: false },
    sourcemap: false,
    chunkSizeWarningLimit: 600,
    reportCompressedSize: false,
  },
});
