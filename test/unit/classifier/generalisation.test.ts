import { classify } from '../../../src/core/classifier';
import { judge, ROLES_MAP } from './helpers';

/**
 * Phrasings and layouts that no lexicon phrase spells out, written for these tests (not taken from
 * any corpus batch): they hold the concept classes, request forms and structural readings in place.
 */
describe('everyday phrasing without the lexicon\'s nouns', () => {
  it.each([
    '<@U_ANA> can you pull together who owns which piece of the launch and by when?',
    '<@U_ANA> could you keep the team honest on the delivery dates this month?',
    '<@U_ANA> can you lay out which workstreams are waiting on which?',
    "<@U_ANA> can you get the vendor kickoff into everyone's calendars?",
    "<@U_ANA> would you chair tomorrow's sync and keep it to 30 min?",
    "<@U_ANA> can you put together a breakdown of what we've spent versus what finance approved?",
    '<@U_ANA> can you keep the go-live checklist current?',
    '<@U_ANA> could you act as scrum master for the next two sprints?',
    '<@U_ANA> can you draw up the UAT schedule?',
    '<@U_ANA> can you split the migration into tickets, size them and hand them out?',
    '<@U_ANA> cd u pls sort the invites for fri w/ the agency, need it by EOD',
    'Morning all. Lots going on this week. <@U_ANA>, could you chase finance for the PO approval? Otherwise we are in good shape.',
    '<@U_ANA> could you prepone the vendor call to tomorrow and inform all?',
    "<@U_ANA> can u get everyone's leave into the holiday tracker b4 fri",
    "So the client's moved the goalposts again. <@U_ANA> can you capture what changed and what it costs us?",
    "<@U_ANA> ur the best person to keep the launch plan ticking over while I'm out",
    "<@U_ANA> can you make sure nobody's double-booked for the workshop week?",
    "<@U_ANA> can you tell me how much we've spent on contractors so far? finance is asking",
    '<@U_ANA> <@U_BEN> still need your leave dates in the sheet by Weds',
    '<@U_ANA> stick the vendor dependency in the RAID and give it an owner',
    '<@U_ANA> could the spend tracking for the pilot live with you going forward?',
    "<@U_ANA> quick one: can you confirm how much of the £40k we've actually spent on contractors?",
    "<@U_ANA> I'd like a status one-pager on every workstream by Monday",
  ])('flags "%s"', (text) => {
    expect(judge(text)).toMatchObject({ kind: 'assignment', flag: true, work: 'project' });
    expect(judge(text).flagged).toContain('U_ANA');
  });

  it('flags volunteering without a mention', () => {
    expect(judge('leave the status roll-up with me', { author: 'U_ANA' })).toMatchObject({ flag: true, assignees: ['U_ANA'] });
    expect(judge("I'll herd the dates for the release", { author: 'U_ANA' })).toMatchObject({ flag: true, assignees: ['U_ANA'] });
  });
});

describe('product work that looks like project work', () => {
  it.each([
    '<@U_ANA> please interview six customers who churned last quarter about setup',
    '<@U_ANA> book a demo with Globex to test the new reporting concept',
    '<@U_ANA> write the product vision doc before the offsite',
    '<@U_ANA> can you set the launch date based on the beta feedback?',
    '<@U_ANA> please organise a customer advisory board session next month',
    '<@U_ANA> can you plan the release schedule for the Q2 features?',
  ])('does not flag "%s" and reads it as product work', (text) => {
    expect(judge(text)).toMatchObject({ kind: 'assignment', flag: false, work: 'product' });
  });
});

describe('chatter full of project words', () => {
  it.each([
    "<@U_ANA> is off today, ask <@U_BEN> if anything's urgent",
    '<@U_ANA> is on leave, please ping <@U_RAJ> for anything urgent',
    '<@U_ANA> is out this week, ping <@U_BEN> for anything on the portal',
    '<@U_ANA> can you sort the train tickets for the offsite? ignore this, Ben is doing travel now',
  ])('does not flag "%s"', (text) => {
    expect(judge(text).flag).toBe(false);
  });
});

describe('people named as those who need something, not who do it', () => {
  it('does not read "@ana and @ben will need it" as a request to them', () => {
    expect(judge('can someone book a room for the retro? <@U_ANA> and <@U_BEN> will need it').flag).toBe(false);
  });
});

describe('thread replies that hand over without naming the work', () => {
  const parent = { text: 'We still need someone to chase the three vendors for their renewal quotes before Friday', author: 'U_LEAD' };
  it.each(['<@U_ANA> all yours', '<@U_ANA> you got this?', '<@U_ANA> ^ this one', '<@U_ANA> fancy it?', '<@U_ANA> can you run with it?'])('reads "%s" as handing the parent\'s work over', (text) => {
    expect(classify({ text, author: 'U_LEAD', roles: ROLES_MAP, parent })).toMatchObject({ kind: 'assignment', flag: true, assignees: ['U_ANA'] });
  });

  it('reads "I\'ll grab it" as volunteering for it', () => {
    expect(classify({ text: "I'll grab it", author: 'U_ANA', roles: ROLES_MAP, parent })).toMatchObject({ flag: true, assignees: ['U_ANA'] });
  });
});
