import { describe, expect, it } from 'vitest';
import { FISCAL_MONTHS, firstQuarter, REVIEW_DAYS, reviewSlot } from './reviewSchedule';

describe('the weekly review card', () => {
  it('offers the seven days and the twelve months in order', () => {
    expect(REVIEW_DAYS.map((d) => d.value)).toEqual(['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday']);
    expect(FISCAL_MONTHS[0]).toEqual({ value: '1', label: 'January' });
    expect(FISCAL_MONTHS[11]).toEqual({ value: '12', label: 'December' });
  });

  it('says what the slot and the fiscal year mean', () => {
    expect(reviewSlot('friday', '16:00')).toBe('Your weekly review comes round every Friday at 16:00.');
    expect(firstQuarter(1)).toBe('Q1 runs January to March');
    expect(firstQuarter(11)).toBe('Q1 runs November to January');
  });
});
