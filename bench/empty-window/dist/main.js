// Reports the first paint the way Career Log does: two frames (the first runs before the
// paint, the second after it), then an invoke of the app's own command.
requestAnimationFrame(() =>
  requestAnimationFrame(() => {
    window.__TAURI_INTERNALS__.invoke('painted').catch(() => {});
  }),
);
