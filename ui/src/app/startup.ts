// The start-up probe's last phase: once Home is drawn with the journal's data, tell the
// app, after the browser has actually painted that frame.

import { api } from '../lib/api';

let reported = false;

export function reportFirstPaint(report: () => Promise<void> = api.startupPainted): void {
  if (reported) return;
  reported = true;
  // Two frames: the first runs before the paint, the second after it.
  requestAnimationFrame(() => requestAnimationFrame(() => void report().catch(() => {})));
}
