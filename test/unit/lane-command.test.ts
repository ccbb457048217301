import { parseLaneCommand } from '../../src/features/lane/parse';

const ok = (text: string) => {
  const result = parseLaneCommand(text);
  if (!result.ok) throw new Error(`expected ${text} to parse: ${result.error}`);
  return result.command;
};
const error = (text: string) => {
  const result = parseLaneCommand(text);
  if (result.ok) throw new Error(`expected ${text} to be refused`);
  return result.error;
};

describe('/lane command parsing', () => {
  it('shows help for nothing or "help"', () => {
    expect(ok('')).toEqual({ name: 'help' });
    expect(ok('  help ')).toEqual({ name: 'help' });
  });

  it('checks any text, keeping it whole', () => {
    expect(ok('check <@U1> can you  book the room?')).toEqual({ name: 'check', text: '<@U1> can you  book the room?' });
    expect(error('check')).toMatch(/Tell me what to check\. Use `\/lane check <text>`/);
  });

  it('reads roles for oneself and for someone else', () => {
    expect(ok('role')).toEqual({ name: 'role.show' });
    expect(ok('role product')).toEqual({ name: 'role.set', role: 'product' });
    expect(ok('role PM')).toEqual({ name: 'role.set', role: 'product' });
    expect(ok('role auto')).toEqual({ name: 'role.set', role: 'auto' });
    expect(ok('role <@U2|raj> project')).toEqual({ name: 'role.set', userId: 'U2', role: 'project' });
    expect(error('role wizard')).toMatch(/`wizard` is not a role\. Use `\/lane role`/);
  });

  it('reads delegates, including the workspace default', () => {
    expect(ok('delegate <@U2>')).toEqual({ name: 'delegate.set', delegateId: 'U2' });
    expect(ok('delegate none')).toEqual({ name: 'delegate.set', delegateId: undefined });
    expect(ok('delegate default <@U3|pj>')).toEqual({ name: 'delegate.default', delegateId: 'U3' });
    expect(error('delegate raj')).toMatch(/Name one person with @/);
    expect(error('delegate <@U2> <@U3>')).toMatch(/Name one person with @/);
  });

  it('reads snooze durations and refuses nonsense', () => {
    expect(ok('snooze 2h')).toEqual({ name: 'snooze', durationMs: 2 * 3600_000, label: '2 hours' });
    expect(ok('snooze 3d')).toMatchObject({ durationMs: 3 * 86_400_000, label: '3 days' });
    expect(ok('snooze 1w')).toMatchObject({ durationMs: 604_800_000, label: '1 week' });
    expect(ok('snooze off')).toEqual({ name: 'snooze.off' });
    expect(error('snooze forever')).toMatch(/`forever` is not a duration\. Use `\/lane snooze <duration>`/);
    expect(error('snooze 0h')).toMatch(/from a minute to 90 days/);
    expect(error('snooze 20w')).toMatch(/from a minute to 90 days/);
    expect(error('snooze')).toMatch(/Say for how long/);
  });

  it('reads mute, on/off, channel modes, stats and digest settings', () => {
    expect(ok('mute')).toEqual({ name: 'mute' });
    expect(ok('unmute')).toEqual({ name: 'unmute' });
    expect(ok('off')).toEqual({ name: 'nudges', on: false });
    expect(ok('on')).toEqual({ name: 'nudges', on: true });
    expect(ok('channel thread')).toEqual({ name: 'channel', mode: 'thread' });
    expect(error('channel loud')).toMatch(/`loud` is not a delivery mode/);
    expect(ok('delivery')).toEqual({ name: 'delivery' });
    expect(ok('delivery DM')).toEqual({ name: 'delivery', choice: 'dm' });
    expect(ok('delivery channel')).toEqual({ name: 'delivery', choice: 'channel' });
    expect(error('delivery thread')).toMatch(/`thread` is not a delivery you can choose for yourself\. Use `\/lane delivery <ephemeral\|dm\|channel>`/);
    expect(ok('stats')).toEqual({ name: 'stats', days: 7 });
    expect(ok('stats 30d')).toEqual({ name: 'stats', days: 30 });
    expect(error('stats 2y')).toMatch(/`2y` is not a period/);
    expect(ok('digest')).toEqual({ name: 'digest.preview' });
    expect(ok('digest off')).toEqual({ name: 'digest.set', enabled: false });
    expect(ok('digest on')).toEqual({ name: 'digest.set', enabled: true, alwaysSend: false });
    expect(ok('digest always')).toEqual({ name: 'digest.set', enabled: true, alwaysSend: true });
    expect(ok('digest day tuesday 8')).toEqual({ name: 'digest.set', enabled: true, slot: { isoWeekday: 2, hour: 8 } });
    expect(error('digest day someday 25')).toMatch(/weekday and an hour from 0 to 23/);
  });

  it('reads /lane words: listing, adding to either list, removing, with quotes straight or curly', () => {
    expect(ok('words')).toEqual({ name: 'words', action: 'list' });
    expect(ok('words add project "herd the dates"')).toEqual({ name: 'words', action: 'add', list: 'project', phrase: 'herd the dates' });
    expect(ok('words add never “board meeting”')).toEqual({ name: 'words', action: 'add', list: 'never', phrase: 'board meeting' });
    expect(ok('words add NEVER R&amp;D sync')).toEqual({ name: 'words', action: 'add', list: 'never', phrase: 'R&D sync' });
    expect(ok('words remove "board meeting"')).toEqual({ name: 'words', action: 'remove', phrase: 'board meeting' });
    expect(ok('words remove never "board meeting"')).toEqual({ name: 'words', action: 'remove', phrase: 'board meeting' });
  });

  it('tells what is wrong with a /lane words form, and shows the right one', () => {
    expect(error('words add "herd the dates"')).toMatch(/`"herd` is not a list: use `project` or `never`\. Use `\/lane words`.*add project "herd the dates"/);
    expect(error('words add')).toMatch(/Say which list: `project` or `never`/);
    expect(error('words add project')).toMatch(/Give the phrase to list/);
    expect(error('words add project "<@U1> to book"')).toMatch(/words only: no mentions/);
    expect(error(`words add never "${'very '.repeat(20)}long"`)).toMatch(/longer than 60 characters/);
    expect(error('words frobnicate')).toMatch(/`frobnicate` is not something I can do with words/);
  });

  it('names an unknown subcommand and points to help, without echoing long input', () => {
    const message = error(`frobnicate ${'x'.repeat(500)}`);
    expect(message).toMatch(/I don't know `frobnicate`\. Try `\/lane help`/);
    expect(message.length).toBeLessThan(120);
  });

  it('reads working hours for oneself and the workspace, and says what is wrong with a bad form', () => {
    expect(ok('hours')).toEqual({ name: 'hours.show' });
    expect(ok('hours 9-17')).toEqual({ name: 'hours.set', scope: 'person', hours: { start: 9, end: 17, days: [1, 2, 3, 4, 5] } });
    expect(ok('hours 9-17 every day')).toEqual({ name: 'hours.set', scope: 'person', hours: { start: 9, end: 17 } });
    expect(ok('hours 7:30-16 mon-thu')).toEqual({ name: 'hours.set', scope: 'person', hours: { start: 7, startMinute: 30, end: 16, days: [1, 2, 3, 4] } });
    expect(ok('hours 22-06')).toEqual({ name: 'hours.set', scope: 'person', hours: { start: 22, end: 6, days: [1, 2, 3, 4, 5] } });
    expect(error('hours 9-5')).toMatch(/for 9 to 5 write `9-17` or `9am-5pm`; for a night shift write e\.g\. `21-05`/);
    expect(ok('hours default')).toEqual({ name: 'hours.set', scope: 'person', hours: undefined });
    expect(ok('hours workspace 8-18 weekdays')).toEqual({ name: 'hours.set', scope: 'workspace', hours: { start: 8, end: 18, days: [1, 2, 3, 4, 5] } });
    expect(ok('hours workspace default')).toEqual({ name: 'hours.set', scope: 'workspace', hours: undefined });
    expect(error('hours 25-17')).toMatch(/`25` is not a time of day.*Use `\/lane hours 9-17`/);
    expect(error('hours nine to five')).toMatch(/`nine` is not a time.*like `9` or `7:30`/);
    expect(error('hours 9')).toMatch(/`9` is not a range of hours: give a start and an end/);
    expect(error('hours workspace')).toMatch(/Say which hours the workspace works\. Use `\/lane hours 9-17`/);
  });

  it('reads absences and public holidays', () => {
    expect(ok('away')).toEqual({ name: 'away.show' });
    expect(ok('away until 2026-12-24')).toEqual({ name: 'away.set', text: 'until 2026-12-24' });
    expect(ok('away off')).toEqual({ name: 'away.set', text: 'off' });
    expect(error('away next week')).toMatch(/`next week` is not an absence\. Use `\/lane away until 2026-12-24`/);
    expect(ok('holidays')).toEqual({ name: 'holidays.show' });
    expect(ok('holidays gb')).toEqual({ name: 'holidays.set', scope: 'person', region: { country: 'GB' } });
    expect(ok('holidays off')).toEqual({ name: 'holidays.set', scope: 'person', region: 'none' });
    expect(ok('holidays default')).toEqual({ name: 'holidays.set', scope: 'person', region: undefined });
    expect(error('holidays uk')).toMatch(/United Kingdom is `GB`/);
    expect(ok('holidays workspace DE-BY')).toMatchObject({ name: 'holidays.set', scope: 'workspace', region: { country: 'DE', state: 'BY' } });
    expect(error('holidays XX')).toMatch(/I do not know the public holidays of `XX`.*Use `\/lane holidays GB`/);
    expect(error('holidays england')).toMatch(/`england` is not a country code/);
  });
});
