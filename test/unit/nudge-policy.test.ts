import { decideNudge, nextWorkingStart, type NudgeCheck } from '../../src/core/nudge-policy';
import { defaultSettings } from '../../src/core/records';

const TUESDAY_10_UTC = Date.UTC(2026, 10, 17, 10, 0);
const base = (over: Partial<NudgeCheck> = {}): NudgeCheck => ({
  settings: defaultSettings(),
  channelId: 'C1',
  channelMode: 'ephemeral',
  phrase: 'book the retro room',
  messageAt: TUESDAY_10_UTC - 1000,
  now: TUESDAY_10_UTC,
  timeZone: 'UTC',
  ...over,
});

describe('whether a nudge goes out', () => {
  it('sends in working hours, in the channel’s mode', () => {
    expect(decideNudge(base())).toEqual({ action: 'send', mode: 'ephemeral' });
    expect(decideNudge(base({ channelMode: 'dm' }))).toEqual({ action: 'send', mode: 'dm' });
  });

  it('uses the person’s own delivery before the channel’s, but never overrides a channel turned off', () => {
    const settings = defaultSettings();
    expect(decideNudge(base({ settings: { ...settings, delivery: 'dm' } }))).toEqual({ action: 'send', mode: 'dm' });
    expect(decideNudge(base({ settings: { ...settings, delivery: 'ephemeral' }, channelMode: 'thread' }))).toEqual({ action: 'send', mode: 'ephemeral' });
    expect(decideNudge(base({ settings: { ...settings, delivery: 'dm' }, channelMode: 'off' }))).toEqual({ action: 'skip', reason: 'channel_off' });
  });

  it('respects every way of saying no', () => {
    const settings = defaultSettings();
    expect(decideNudge(base({ channelMode: 'off' }))).toEqual({ action: 'skip', reason: 'channel_off' });
    expect(decideNudge(base({ settings: { ...settings, nudgesOff: true } }))).toEqual({ action: 'skip', reason: 'nudges_off' });
    expect(decideNudge(base({ settings: { ...settings, snoozedUntil: TUESDAY_10_UTC + 1 } }))).toEqual({ action: 'skip', reason: 'snoozed' });
    expect(decideNudge(base({ settings: { ...settings, mutedChannels: ['C1'] } }))).toEqual({ action: 'skip', reason: 'channel_muted' });
    expect(decideNudge(base({ settings: { ...settings, dismissedPhrases: ['book the retro room'] } }))).toEqual({ action: 'skip', reason: 'dismissed_phrase' });
  });

  it('ends a snooze when its time has passed', () => {
    expect(decideNudge(base({ settings: { ...defaultSettings(), snoozedUntil: TUESDAY_10_UTC - 1 } })).action).toBe('send');
  });

  it('waits for the morning in the person’s own timezone', () => {
    // 10:00 UTC is 05:00 in New York (EST in November): wait until 08:00 there, 13:00 UTC.
    expect(decideNudge(base({ timeZone: 'America/New_York' }))).toEqual({ action: 'defer', untilMs: Date.UTC(2026, 10, 17, 13, 0), mode: 'ephemeral' });
  });

  it('leaves a nudge that would be stale by the morning to the digest', () => {
    const friday20 = Date.UTC(2026, 10, 20, 20, 0);
    expect(decideNudge(base({ now: friday20, messageAt: friday20 }))).toEqual({ action: 'defer', untilMs: Date.UTC(2026, 10, 21, 8, 0), mode: 'ephemeral' });
    const dayOld = base({ messageAt: TUESDAY_10_UTC - 19 * 3600 * 1000 });
    expect(decideNudge(dayOld)).toEqual({ action: 'skip', reason: 'stale' });
  });

  it('finds the next working quarter-hour across a daylight-saving change', () => {
    // Sunday 2026-03-08, 02:30 does not exist in New York; at 06:00 UTC it is 01:00 EST.
    const start = nextWorkingStart(Date.UTC(2026, 2, 8, 6, 0), 'America/New_York');
    expect(start).toBe(Date.UTC(2026, 2, 8, 12, 0)); // 08:00 EDT
  });
});
