import { describe, expect, it } from 'vitest';
import { Probe, SAMPLE_LIMIT } from './probe';

/** A probe on a hand-driven clock, whose "next paint" happens when `paint()` is called. */
function probeWithFrames() {
  let now = 0;
  const frames: (() => void)[] = [];
  const probe = new Probe(
    (then) => frames.push(then),
    () => now,
  );
  return {
    probe,
    at: (t: number) => (now = t),
    paint: () => frames.splice(0).forEach((then) => then()),
  };
}

describe('Probe', () => {
  it('times an ask from its event to the paint after its answer is drawn', () => {
    const { probe, at, paint } = probeWithFrames();
    probe.start('search', 100, 'l');
    at(112);
    probe.drawn('search');
    expect(probe.samples).toEqual([]);
    at(118);
    paint();
    expect(probe.samples).toEqual([{ name: 'search', label: 'l', startedAt: 100, drawnAt: 118, ms: 18 }]);
  });

  it('ends the asks an answer replaced with it, and keeps later asks for the next answer', () => {
    const { probe, at, paint } = probeWithFrames();
    probe.start('search', 10, 'l');
    probe.start('search', 20, 'la');
    probe.drawn('search');
    probe.start('search', 25, 'lat');
    at(30);
    paint();
    expect(probe.samples.map((s) => [s.label, s.ms])).toEqual([
      ['l', 20],
      ['la', 10],
    ]);
    at(50);
    probe.drawn('search');
    paint();
    expect(probe.samples.map((s) => [s.label, s.ms])).toEqual([
      ['l', 20],
      ['la', 10],
      ['lat', 25],
    ]);
  });

  it('records nothing for a redraw nobody asked for, and keeps the kinds apart', () => {
    const { probe, at, paint } = probeWithFrames();
    probe.drawn('search');
    probe.start('list-page', 5, '50');
    probe.drawn('search');
    at(9);
    paint();
    expect(probe.samples).toEqual([]);
    probe.drawn('list-page');
    paint();
    expect(probe.samples.map((s) => [s.name, s.label, s.ms])).toEqual([['list-page', '50', 4]]);
  });

  it('keeps only the newest samples, and forgets everything when cleared', () => {
    const { probe, paint } = probeWithFrames();
    for (let i = 0; i < SAMPLE_LIMIT + 10; i++) {
      probe.start('search', i, String(i));
      probe.drawn('search');
      paint();
    }
    expect(probe.samples).toHaveLength(SAMPLE_LIMIT);
    expect(probe.samples[0]?.label).toBe('10');
    probe.start('search', 1, 'waiting');
    probe.clear();
    probe.drawn('search');
    paint();
    expect(probe.samples).toEqual([]);
  });
});
