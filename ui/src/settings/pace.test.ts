import { describe, expect, it } from 'vitest';
import { paceBand, paceVerdict, scaleAt, wordsIn } from './pace';

describe('paceBand', () => {
  it.each([
    [80, 'slow'],
    [119, 'slow'],
    [120, 'comfortable'],
    [140, 'comfortable'],
    [160, 'comfortable'],
    [161, 'fast'],
    [220, 'fast'],
  ] as const)('%d -> %s', (wpm, band) => {
    expect(paceBand(wpm)).toBe(band);
    expect(paceVerdict(wpm).band).toBe(band);
  });
});

describe('scaleAt and wordsIn', () => {
  it('places the pace on the 80-220 scale', () => {
    expect(scaleAt(80)).toBe(0);
    expect(scaleAt(150)).toBe(0.5);
    expect(scaleAt(220)).toBe(1);
    expect(scaleAt(10)).toBe(0);
    expect(scaleAt(999)).toBe(1);
  });

  it('rounds the words of an answer to tens', () => {
    expect(wordsIn(120, 140)).toBe(280);
    expect(wordsIn(120, 133)).toBe(270);
    expect(wordsIn(90, 150)).toBe(230);
  });

  it('says what a two-minute answer holds', () => {
    expect(paceVerdict(140).detail).toContain('about 280 words');
  });
});
