import react from '@vitejs/plugin-react'
import { defineConfig } from 'vite'

// The editor is the Vite root; its build lands in dist/editor, which the server serves at `/`.
export default defineConfig({
  root: 'editor',
  plugins: [react()],
  build: {
    outDir: '../dist/editor',
    emptyOutDir: true,
  },
  server: {
    proxy: { '/api': 'http://127.0.0.1:8787' },
  },
})
