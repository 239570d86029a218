import react from '@vitejs/plugin-react';
import { nxViteTsPaths } from '@nx/vite/plugins/nx-tsconfig-paths.plugin';
import { defineConfig } from 'vite';

// Everything the browser loads is built from npm packages into dist/apps/web: no CDN, no remote fonts.
export default defineConfig({
  root: __dirname,
  cacheDir: '../../node_modules/.vite/apps/web',
  plugins: [react(), nxViteTsPaths()],
  build: {
    outDir: '../../dist/apps/web',
    emptyOutDir: true,
    reportCompressedSize: true,
    sourcemap: true,
  },
  server: { port: 4200, proxy: { '/graphql': 'http://localhost:3000', '/health': 'http://localhost:3000' } },
});
