import { classify } from '../../../src/core/classifier';
import type { ClassifyInput, Role } from '../../../src/core/types';

/**
 * Standup apps' layouts (whose update it is, bold headings on the answer's line, quoted answers),
 * tracker posts to "you" and "Assign to" fields, asking in Tagalog, Swahili and Hindi, and indirect
 * asks ("ok if I leave … with you?", "would it be an imposition to ask you to …"). Written for these
 * tests (not taken from any corpus batch).
 */
const roles: Record<string, Role> = { U_ANA: 'product', U_BEN: 'product', U_RAJ: 'project', U_LEAD: 'engineering', U_APP: 'other' };

function judge(input: Partial<ClassifyInput> & { text: string }) {
  return classify({ author: 'U_LEAD', roles, ...input });
}

function appPost(blocks: ClassifyInput['blocks'], extra: Partial<ClassifyInput> = {}) {
  return classify({ text: '', blocks, author: 'U_APP', fromBot: true, roles, ...extra });
}

const section = (text: string) => ({ type: 'section', text: { type: 'mrkdwn', text } });

describe('whose update a standup app posts', () => {
  it.each([
    ['*Team Standup* · <@U_ANA>'],
    ['<@U_ANA> — Checkout daily :credit_card:'],
    [':sunny: *Daily check-in* — <@U_ANA>'],
    ['*<@U_ANA>* checked in · :large_green_circle: Feeling good'],
  ])('credits the person the title line names ("%s"), not the app', (title) => {
    const v = appPost([section(title), section('*Yesterday*\nBooked the venue and flights for the offsite; updated the RAID log'), section('*Today*\nChase the vendor for the signed SOW')]);
    expect(v).toMatchObject({ kind: 'standup', assignees: ['U_ANA'], flag: true });
  });

  it('does not credit someone an item names', () => {
    const v = appPost([section('*Yesterday*\nChased <@U_BEN> for the estimates'), section('*Today*\nUpdate the timeline')]);
    expect(v.assignees).not.toContain('U_BEN');
  });

  it('reads a bold heading with its answer on the same line as a section', () => {
    const v = appPost([section('*Daily check-in* — <@U_ANA>\n*Yesterday* Reconciled the contractor timesheets against the invoice\n*Today* Sort the NDAs for the new starters')]);
    expect(v).toMatchObject({ kind: 'standup', assignees: ['U_ANA'], flag: true });
  });

  it('reads "planned" and weekly questions as sections', () => {
    const planned = appPost([section('*<@U_ANA>* checked in\n*Completed*\n• Weekly RAID review\n*Planned*\n• Book the room and send the invites for the QBR')]);
    expect(planned).toMatchObject({ kind: 'standup', assignees: ['U_ANA'], flag: true });
    const weekly = appPost([section('<@U_ANA> completed the check-in *Leads weekly*\n*What did you get done this week?*\nDelivery schedule redone · status deck to the steering group\n*What are your priorities next week?*\nVendor renewal paperwork')]);
    expect(weekly).toMatchObject({ kind: 'standup', assignees: ['U_ANA'], flag: true });
  });

  it('reads an app post whose answers are quoted', () => {
    const v = classify({
      text: 'DailyBot: <@U_ANA> completed the check-in *Ops Daily*\n>*What did you do?* Updated the project schedule, chased the vendor for the PO\n>*What will you do?* Book the rooms for planning',
      author: 'U_APP',
      fromBot: true,
      roles,
    });
    expect(v).toMatchObject({ kind: 'standup', assignees: ['U_ANA'], flag: true });
  });
});

describe('tracker posts', () => {
  it('takes "@ana you were assigned …" as an assignment to that person', () => {
    const v = classify({ text: '<@U_ANA> you were assigned a ticket', attachments: [{ title: 'Update the sprint 16 capacity plan' }], author: 'U_APP', fromBot: true, roles });
    expect(v).toMatchObject({ kind: 'assignment', assignees: ['U_ANA'] });
  });

  it('reads an "Assign to" field', () => {
    const v = appPost([{ type: 'header', text: { type: 'plain_text', text: 'New task request' } }, { type: 'section', fields: [{ type: 'mrkdwn', text: '*Requested by*\n<@U_LEAD>' }, { type: 'mrkdwn', text: '*Assign to*\n<@U_ANA>' }, { type: 'mrkdwn', text: '*Task*\nCompile the vendor invoices for the audit' }] }]);
    expect(v).toMatchObject({ kind: 'assignment', assignees: ['U_ANA'], flag: true });
  });
});

describe('asking in the languages teams mix in', () => {
  it.each([
    '<@U_ANA> pakisend naman yung rollout timeline kay Helen before Friday',
    '<@U_ANA> pwede ikaw mag-facilitate ng sprint review bukas?',
    '<@U_ANA> tafadhali confirm the dates for sprint planning and send the invite',
    '<@U_ANA> naomba you update the project timeline on the wall planner too',
  ])('reads "%s" as a request', (text) => {
    expect(judge({ text })).toMatchObject({ kind: 'assignment', flag: true, flagged: ['U_ANA'] });
  });

  it('keeps "PO" a purchase order, not a Tagalog politeness word', () => {
    const v = appPost([section('<@U_ANA> checked in'), section('*Yesterday*\nMonthly spend report'), section('*Today*\nQ2 PO with the vendor')]);
    expect(v.projectShare).toBe(1);
  });
});

describe('indirect asks', () => {
  it.each([
    '<@U_ANA> ok if I leave the vendor escalation with you? finance won\'t answer me',
    '<@U_ANA> would it be a terrible imposition to ask you to organise the go-live celebration?',
    'The updated resource plan for the Q1 squads is needed by Friday — <@U_ANA> please',
    "It's been agreed that the lessons-learned log will be kept by <@U_ANA> going forward.",
    '<@U_ANA> u still have the action to send the freeze notice to the merch team? it\'s due today',
  ])('reads "%s" as handing the work over', (text) => {
    expect(judge({ text })).toMatchObject({ kind: 'assignment', flag: true, flagged: ['U_ANA'] });
  });

  it('asks the person named in "will you take over …?", not the author', () => {
    expect(judge({ text: '<@U_ANA> will you take over the weekly vendor call with Adyen?' })).toMatchObject({ assignees: ['U_ANA'], flag: true });
  });

  it('keeps the request when the author says what they will do with the result', () => {
    expect(judge({ text: '<@U_ANA> could you chase Lucy for her design hours so I can close the timesheets?' })).toMatchObject({ assignees: ['U_ANA'], flag: true });
  });

  it('takes a laugh before a volunteer as volunteering', () => {
    expect(judge({ text: 'haha I\'ll book the venue for the offsite then', author: 'U_ANA' })).toMatchObject({ assignees: ['U_ANA'], flag: true });
    expect(judge({ text: 'haha nice one', author: 'U_ANA' }).kind).toBe('chatter');
  });

  it('reads "lemme" as taking something on', () => {
    expect(judge({ text: 'lemme handle the agenda and the room for the January planning', author: 'U_ANA' })).toMatchObject({ assignees: ['U_ANA'], flag: true });
  });
});
