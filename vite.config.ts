import react from '@vitejs/plugin-react'
import { defineConfig } from 'vite'

// The editor is the Vite root; its build lands in dist/editor, which the server serves at `/`.
export default defineConfig({
  root: 'editor',
  plugins: [react()],
  build: {
    outDir: '../dist/editor',
    emptyOutDir: true,
    // One bundle: React, React Flow, zod and the engine (the editor decides test leads itself),
    // about 700 kB, 215 kB gzipped, loaded once and cached.
    chunkSizeWarningLimit: 800,
  },
  server: {
    proxy: { '/api': 'http://127.0.0.1:8787' },
  },
})
