import { defineConfig } from 'vite';

// The viewer is a static bundle served by `newskg serve` from viewer/dist.
export default defineConfig({
  root: new URL('.', import.meta.url).pathname,
  base: './',
  build: { outDir: 'dist', emptyOutDir: true, target: 'es2022', chunkSizeWarningLimit: 1024 },
});
