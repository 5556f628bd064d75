import { svelte } from '@sveltejs/vite-plugin-svelte';
import { defineConfig } from 'vitest/config';

// The window runs under a strict CSP (no inline styles or scripts, nothing remote), so the
// build emits plain files only: CSS as stylesheets, JS as modules, no inline injection.
// CSS is split with the lazy sections: index.html links only the shell's and Home's, and a
// section's stylesheet comes with its chunk, as a `<link rel="stylesheet">` from 'self' that
// Vite's preload adds and waits for before the chunk runs (so nothing shows unstyled).
export default defineConfig({
  plugins: [svelte()],
  clearScreen: false,
  server: {
    port: 1420,
    strictPort: true,
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    cssCodeSplit: true,
    assetsInlineLimit: 0,
    modulePreload: { polyfill: false },
  },
  test: {
    include: ['src/**/*.test.ts'],
    environment: 'node',
  },
});
