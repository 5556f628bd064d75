// The start-up probe's last phase: once Home is drawn with the journal's data, tell the
// app, after the browser has actually painted that frame. Marks along the way (script
// start, session ready, data in) go with it, so the probe shows where the time went.

import { api } from '../lib/api';

let reported = false;
let painted = false;
const waiting: (() => void)[] = [];

/** Runs `then` once the first meaningful paint is on screen (at once after it). */
export function afterFirstPaint(then: () => void): void {
  if (painted) then();
  else waiting.push(then);
}
const marks: [string, number][] = [];

/** Notes when a start-up step was reached, in the web view's clock; once per name. */
export function markStartup(name: string): void {
  if (reported || marks.some(([n]) => n === name)) return;
  marks.push([name, performance.now()]);
}

export function reportFirstPaint(
  report: (origin: number, marks: [string, number][]) => Promise<void> = api.startupPainted,
): void {
  if (reported) return;
  markStartup('home data drawn');
  reported = true;
  // Two frames: the first runs before the paint, the second after it.
  requestAnimationFrame(() => {
    marks.push(['first frame', performance.now()]);
    requestAnimationFrame(() => {
      marks.push(['painted', performance.now()]);
      painted = true;
      for (const then of waiting.splice(0)) then();
      void report(performance.timeOrigin, marks).catch(() => {});
    });
  });
}
