import { holidayCheck, isHoliday, parseHolidaysCommand, parseRegion, publicHolidayOn } from '../../../src/core/time/holidays';

const utc = (iso: string) => Date.parse(`${iso}Z`);

describe('public holidays', () => {
  it('knows Christmas in the United Kingdom, and not the day before', () => {
    expect(publicHolidayOn({ country: 'GB' }, utc('2026-12-25T12:00'), 'Europe/London')).toBe('Christmas Day');
    expect(isHoliday({ country: 'GB' }, utc('2026-12-24T12:00'), 'Europe/London')).toBe(false);
  });

  it('counts substitute days off', () => {
    // 4 July 2026 is a Saturday: Friday the 3rd is the day off.
    expect(isHoliday({ country: 'US' }, utc('2026-07-03T16:00'), 'America/New_York')).toBe(true);
  });

  it('reads the date in the person’s own timezone', () => {
    // 06:00 UTC on Christmas Day is still 24 December in Los Angeles.
    expect(isHoliday({ country: 'US' }, utc('2026-12-25T06:00'), 'America/Los_Angeles')).toBe(false);
    expect(isHoliday({ country: 'US' }, utc('2026-12-25T09:00'), 'America/Los_Angeles')).toBe(true);
  });

  it('counts public holidays only, not observances', () => {
    expect(isHoliday({ country: 'DE' }, utc('2026-02-14T12:00'), 'Europe/Berlin')).toBe(false); // Valentinstag
    expect(isHoliday({ country: 'DE' }, utc('2026-10-03T12:00'), 'Europe/Berlin')).toBe(true);
  });

  it('follows a state’s own holidays', () => {
    // Epiphany is a public holiday in Bavaria, not in Berlin.
    expect(isHoliday({ country: 'DE', state: 'BY' }, utc('2026-01-06T12:00'), 'Europe/Berlin')).toBe(true);
    expect(isHoliday({ country: 'DE', state: 'BE' }, utc('2026-01-06T12:00'), 'Europe/Berlin')).toBe(false);
  });

  it('without a region, no day is a holiday', () => {
    expect(holidayCheck(undefined, 'UTC')(utc('2026-12-25T12:00'))).toBe(false);
    expect(holidayCheck({ country: 'GB' }, 'Europe/London')(utc('2026-12-25T12:00'))).toBe(true);
  });
});

describe('/lane holidays', () => {
  it('takes a country code, with or without a state, in any case', () => {
    expect(parseHolidaysCommand('gb')).toEqual({ ok: true, value: { kind: 'set', region: { country: 'GB' }, name: 'United Kingdom' } });
    expect(parseHolidaysCommand('DE-BY')).toEqual({ ok: true, value: { kind: 'set', region: { country: 'DE', state: 'BY' }, name: 'Germany / Bayern' } });
    expect(parseHolidaysCommand('off')).toEqual({ ok: true, value: { kind: 'off' } });
    expect(parseHolidaysCommand('none')).toEqual({ ok: true, value: { kind: 'off' } });
    expect(parseHolidaysCommand('Default')).toEqual({ ok: true, value: { kind: 'default' } });
  });

  it('points `uk` to `GB`, the code the United Kingdom has', () => {
    for (const typed of ['uk', 'UK']) {
      expect(parseHolidaysCommand(typed)).toEqual({ ok: false, error: expect.stringContaining('`UK` is not a country code here: United Kingdom is `GB`, as in `/lane holidays GB`') });
    }
  });

  it.each([
    ['', 'Say which country’s public holidays to follow.'],
    ['United Kingdom', '`United Kingdom` is not a country code.'],
    ['XX', 'I do not know the public holidays of `XX`.'],
    ['DE-ZZ', '`ZZ` is not a state or region of Germany that I know.'],
  ])('explains what is wrong with %j and shows the right form', (input, what) => {
    const parsed = parseHolidaysCommand(input);
    expect(parsed).toEqual({ ok: false, error: expect.stringContaining(what) });
    expect(!parsed.ok && parsed.error).toContain('`/lane holidays GB`');
  });

  it('reads a stored region back', () => {
    expect(parseRegion('DE-BY')).toEqual({ country: 'DE', state: 'BY' });
    expect(parseRegion('GB')).toEqual({ country: 'GB' });
    expect(parseRegion('')).toBeUndefined();
    expect(parseRegion('gb')).toBeUndefined();
  });
});
