import { defineConfig } from 'vite';

// base './': the built portal works from any folder — fz serve's root, a storage static website ($web), a CDN path.
export default defineConfig({
  base: './',
  build: { outDir: 'dist', emptyOutDir: true, chunkSizeWarningLimit: 1200, reportCompressedSize: true },
});
