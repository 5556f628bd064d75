// The speaking pace story estimates use: its range, the comfortable band, and what a pace
// means for an answer, in words.

/** The core's range for `words_per_minute`, and the band most listeners follow easily. */
export const PACE = { min: 80, max: 220, bandLow: 120, bandHigh: 160, usual: 140 } as const;

export type PaceBand = 'slow' | 'comfortable' | 'fast';

export function paceBand(wpm: number): PaceBand {
  if (wpm < PACE.bandLow) return 'slow';
  if (wpm > PACE.bandHigh) return 'fast';
  return 'comfortable';
}

/** Where `wpm` sits on the scale, from 0 (the minimum) to 1 (the maximum). */
export function scaleAt(wpm: number): number {
  return Math.max(0, Math.min(1, (wpm - PACE.min) / (PACE.max - PACE.min)));
}

/** About how many words fit in `seconds` at `wpm`, rounded to the nearest ten. */
export function wordsIn(seconds: number, wpm: number): number {
  return Math.round((wpm * seconds) / 60 / 10) * 10;
}

/** The line under the pace: what this pace means for a two-minute answer. */
export function paceVerdict(wpm: number): { band: PaceBand; title: string; detail: string } {
  const band = paceBand(wpm);
  const fits = `A two-minute answer holds about ${wordsIn(120, wpm)} words at this pace.`;
  switch (band) {
    case 'slow':
      return {
        band,
        title: 'Slower than most speakers',
        detail: `Right if it is how you speak; estimates will give you more time per word. ${fits}`,
      };
    case 'fast':
      return {
        band,
        title: 'Faster than listeners follow easily',
        detail: `Estimates will be short; in the room, slow down towards ${PACE.bandHigh}. ${fits}`,
      };
    default:
      return { band, title: 'Comfortable', detail: `Easy to follow in an interview. ${fits}` };
  }
}
