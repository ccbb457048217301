import { MAX_REASONS } from '../../../src/core/classifier';
import { judge } from './helpers';

// Behaviours a reviewer found wrong with realistic messages (product = U_ANA, project = U_PJ, the
// author is an engineer unless said otherwise).

describe('questions for information phrased as "can you …"', () => {
  it.each([
    '<@U_ANA> can you tell me when the status report is due?',
    '<@U_ANA> can you remind me where the risk log lives?',
    '<@U_ANA> can you let me know when the status report is due?',
    '<@U_ANA> can you explain how the risk register works here?',
    '<@U_ANA> could you tell me who owns the project timeline?',
    '<@U_ANA> can you point me to the gantt chart?',
    '<@U_ANA> can you send me the link to the RAID log?',
    'can you tell me when the status report is due, <@U_ANA>?',
  ])('"%s" asks for an answer: chatter, no nudge', (text) => {
    const v = judge(text);
    expect(v).toMatchObject({ kind: 'chatter', flag: false, assignees: [] });
    expect(v.reasons[0]).toMatch(/^not a request \(information\)/);
  });

  it.each([
    '<@U_ANA> can you tell the vendor we need the invoice by Friday',
    '<@U_ANA> can you tell <@U_PJ> we need the invoice by Friday?',
    '<@U_ANA> can you remind the team to submit their timesheets?',
    '<@U_ANA> can you let finance know the PO is late?',
    '<@U_ANA> can you explain the timeline to the execs?',
  ])('"%s" asks the PM to act on someone else: still a nudge', (text) => {
    expect(judge(text)).toMatchObject({ kind: 'assignment', flag: true, assignees: ['U_ANA'] });
  });

  it('still nudges when the question is about the PM doing the work, or a request follows it', () => {
    expect(judge("<@U_ANA> can you let me know once you've updated the timeline")).toMatchObject({ flag: true, assignees: ['U_ANA'] });
    expect(judge('<@U_ANA> can you tell me when the status report is due and update the timeline?')).toMatchObject({ flag: true, assignees: ['U_ANA'] });
  });
});

describe('tracker notifications whose ticket title contains a chatter word', () => {
  const bot = { author: 'U_JIRA', fromBot: true };

  it.each([
    ['*Priya* assigned *OPS-90: Chase overdue invoices from Acme* to <@U_ANA>', 'budget_tracking'],
    ['*Priya* assigned *OPS-91: Collect completed timesheets* to <@U_ANA>', 'budget_tracking'],
    ['*Priya* assigned *OPS-93: Log changed scope in the change log* to <@U_ANA>', 'change_control'],
    ['*Priya* assigned *OPS-94: Send invites for moved steering committee* to <@U_ANA>', 'meeting_logistics'],
    ['*Priya* assigned *OPS-95: Send reminder emails for the closed beta vendor contracts* to <@U_ANA>', 'vendor_admin'],
  ])('"%s" is an assignment of the ticket to the PM', (text, category) => {
    const v = judge(text, bot);
    expect(v).toMatchObject({ kind: 'assignment', flag: true, assignees: ['U_ANA'] });
    expect(v.categories).toContain(category);
  });

  it('still reads the notification\'s own chatter words outside the title', () => {
    expect(judge('<@U_ANA> moved *FAL-12: Book venue for the offsite* to Done', bot)).toMatchObject({ kind: 'chatter', flag: false });
    expect(judge('<@U_ANA> commented on *OPS-12: Book room*: "can you assign this to me?"', bot)).toMatchObject({ kind: 'chatter', flag: false });
  });

  it('does not guess who "you" is when the app names nobody, but says why', () => {
    const v = judge("You've been assigned *OPS-77: Book venue for Q3 offsite* by Priya", bot);
    expect(v).toMatchObject({ kind: 'chatter', flag: false, assignees: [], work: 'project' });
    expect(v.reasons[0]).toMatch(/unnamed recipient/);
  });
});

describe('a product manager asked to hand work away', () => {
  it.each([
    '<@U_ANA> can you hand off the sprint logistics to <@U_PJ>?',
    '<@U_ANA> can you hand the vendor onboarding paperwork over to <@U_PJ>?',
    '<@U_ANA> can you delegate the timesheet chasing to <@U_PJ>?',
    '<@U_ANA> can you brief <@U_PJ> so they can take over the risk log?',
    '<@U_ANA> please hand the sprint logistics over to <@U_PJ>',
  ])('"%s" gives the work to the project manager, and does not nudge the PM', (text) => {
    expect(judge(text)).toMatchObject({ kind: 'assignment', flag: false, assignees: ['U_PJ'], flagged: [] });
  });

  it('still nudges for project work the PM is asked to do before handing it on', () => {
    expect(judge('<@U_ANA> can you update the timeline and then hand it over to <@U_PJ>?')).toMatchObject({ flag: true, flagged: ['U_ANA'] });
  });

  it('still reads "assign the tickets to @dev" as the PM allocating work', () => {
    expect(judge('<@U_ANA> can you assign the tickets to <@U_DEV1>?')).toMatchObject({ flag: true, flagged: ['U_ANA'] });
  });
});

describe('notes and summaries', () => {
  it.each([
    ['<@U_ANA> can you share the research notes from the Acme interviews?', 'discovery'],
    ['<@U_ANA> share the interview notes', 'discovery'],
    ['<@U_ANA> can you send the release notes to customers?', 'roadmap'],
    ['<@U_ANA> can you send the launch summary to sales?', 'go_to_market'],
    ['<@U_ANA> can you update the notes in the PRD', 'requirements'],
  ])('"%s" is product work, not meeting logistics', (text, category) => {
    const v = judge(text);
    expect(v).toMatchObject({ kind: 'assignment', flag: false, work: 'product' });
    expect(v.categories).toEqual([category]);
  });

  it.each([
    '<@U_ANA> can you send the meeting notes from the retro?',
    '<@U_ANA> please send the notes from the retro',
    '<@U_ANA> can you share the steerco summary?',
    '<@U_ANA> can you take notes at the retro?',
  ])('"%s" (a meeting\'s notes) is still meeting logistics', (text) => {
    expect(judge(text)).toMatchObject({ flag: true, categories: ['meeting_logistics'] });
  });
});

describe('standup apps', () => {
  const post =
    '<@U_ANA> posted an update for *Daily Standup*\n*What did you do yesterday?*\nupdated the project plan\n*What will you do today?*\nbook rooms for the offsite\n*Anything blocking?*\nnone';

  it('credits the standup to the person the app names, not to the app', () => {
    expect(judge(post, { author: 'U_BOT', fromBot: true })).toMatchObject({ kind: 'standup', assignees: ['U_ANA'], flagged: ['U_ANA'], flag: true, projectShare: 1 });
  });

  it('reads "standup from @x" and "@x\'s standup" too', () => {
    expect(judge('Standup from <@U_BEN>\nYesterday: wrote PRD\nToday: RAID log, status report', { author: 'U_BOT', fromBot: true })).toMatchObject({ assignees: ['U_BEN'], flag: true });
    expect(
      judge("<@U_BEN> 's standup\n*What did you do yesterday?*\nchased vendors\n*What will you do today?*\nstatus report", { author: 'U_BOT', fromBot: true }),
    ).toMatchObject({ assignees: ['U_BEN'], flag: true });
  });

  it('keeps the author when a person posts their own standup naming someone else', () => {
    expect(judge('Yesterday: synced with <@U_PJ> on the roadmap\nToday: PRD for exports', { author: 'U_ANA' }).assignees).toEqual(['U_ANA']);
  });

  it('recognises dash-separated inline sections', () => {
    const v = judge('Y - wrote PRD, T - user interviews, B - none', { author: 'U_ANA' });
    expect(v).toMatchObject({ kind: 'standup', assignees: ['U_ANA'], flag: false, projectShare: 0 });
    expect(v.items).toHaveLength(2);
    expect(judge('Yesterday - updated the gantt, booked the retro room; Today - status report; Blockers - none', { author: 'U_ANA' })).toMatchObject({
      kind: 'standup',
      flag: true,
      projectShare: 1,
    });
  });

  it('does not take a single dash for a section', () => {
    expect(judge('the migration is done - today we start testing', { author: 'U_ANA' }).kind).toBe('chatter');
  });
});

describe('more ways of asking', () => {
  it.each([
    "<@U_ANA> don't forget to send the status report to the execs today",
    '<@U_ANA> make sure the project timeline is updated before the QBR',
    '<!subteam^S02|@product-team> <@U_ANA> please send the sprint status update to the stakeholders',
    '<@U_ANA> remember to update the RAID log',
    '<@U_ANA> the vendor invoices are yours this quarter',
  ])('"%s" nudges the PM', (text) => {
    expect(judge(text)).toMatchObject({ kind: 'assignment', flag: true, assignees: ['U_ANA'] });
  });

  it('still reads "the timeline is updated" on its own as done, and "is this yours?" as a question', () => {
    expect(judge('<@U_ANA> the project timeline is updated').kind).toBe('chatter');
    expect(judge('<@U_ANA> is this laptop yours?').kind).toBe('chatter');
  });
});

describe('vocabulary', () => {
  it('a RACI is resourcing work', () => {
    expect(judge('<@U_ANA> could you put together a RACI for the migration?')).toMatchObject({ flag: true, categories: ['resourcing'] });
  });

  it('success metrics for a page named after invoices are product work', () => {
    const v = judge('<@U_ANA> can you define success metrics for the invoices page redesign?');
    expect(v).toMatchObject({ flag: false, work: 'product' });
    expect(v.categories).toContain('metrics');
    expect(v.categories).not.toContain('budget_tracking');
  });

  it('comparing trackers is competitive analysis, not tracker hygiene', () => {
    expect(judge('<@U_ANA> can you run a competitive analysis on Linear vs Jira?')).toMatchObject({ flag: false, work: 'product', categories: ['market_analysis'] });
    expect(judge('<@U_ANA> can you clean up the jira board')).toMatchObject({ flag: true, categories: ['tracker_hygiene'] });
  });
});

describe('reasons', () => {
  it('gives each reason once, however often a request is repeated', () => {
    const v = judge(`<@U_ANA> ${'please book the room. '.repeat(300)}`);
    expect(v.flag).toBe(true);
    expect(v.reasons).toEqual(['asks <@U_ANA>: "book"', 'meeting_logistics: "book the room"']);
  });

  it(`keeps at most ${MAX_REASONS} reasons, always with who was asked and the work, and says how many were left out`, () => {
    const asides = ['no need to', "don't bother with", 'never mind', 'hold off on', 'skip the', 'disregard', 'scratch that', 'not required', 'nvm', "don't worry about", 'cancel that', 'ignore that', 'off the hook for'];
    const v = judge(`<@U_ANA> please book the room. ${asides.map((a) => `${a} the lunch order.`).join(' ')}`);
    expect(v.flag).toBe(true);
    expect(v.reasons).toHaveLength(MAX_REASONS);
    expect(v.reasons.slice(0, 2)).toEqual(['asks <@U_ANA>: "book"', 'meeting_logistics: "book the room"']);
    expect(v.reasons[MAX_REASONS - 1]).toMatch(/^and \d+ more$/);
  });

  it('lists at most a handful of people asked, even when a message names many', () => {
    const names = Array.from({ length: 20 }, (_v, i) => `<@U_P${i}>`).join(' ');
    const v = judge(`${names} please book the room`, { roles: {} });
    expect(v.assignees).toHaveLength(20);
    expect(v.reasons.length).toBeLessThanOrEqual(MAX_REASONS);
    expect(v.reasons).toContain('meeting_logistics: "book the room"');
  });
});

describe('the RAID log', () => {
  it.each(['<@U_ANA> thx! can you also update the RAID log?', '<@U_ANA> can you keep the raid log current', '<@U_ANA> pls tidy up the RAID log before the steerco'])(
    'is the risk log, not tracker hygiene: %s',
    (text) => {
      const v = judge(text);
      expect(v.flag).toBe(true);
      expect(v.categories[0]).toBe('risk_log');
      expect(v.categories).not.toContain('tracker_hygiene');
    },
  );
});
