// The first screen's data, passed with the page by the window's initialization script
// (`window.__CAREERLOG_BOOT__`, first load only), so Home draws without IPC round trips.
// Each part is taken once: later reads (a reload, a second load) ask the core.

import type { Boot } from './bindings';

declare global {
  // Set by the initialization script before any of the page's own scripts run.
  var __CAREERLOG_BOOT__: Partial<Boot> | null | undefined;
}

/** Where the boot data sits: the page's window (a test passes a plain object). */
export type BootHolder = { __CAREERLOG_BOOT__?: Partial<Boot> | null | undefined };

/** The part `key` of the page's boot data, once; null when there is none (or it was taken). */
export function takeBoot<K extends keyof Boot>(key: K, from: BootHolder = globalThis): Boot[K] | null {
  const boot = from.__CAREERLOG_BOOT__;
  if (!boot || boot[key] === undefined) return null;
  const value = boot[key] as Boot[K];
  delete boot[key];
  return value;
}
