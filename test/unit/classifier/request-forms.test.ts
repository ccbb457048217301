import { judge } from './helpers';

/**
 * Request forms, tracker layouts and standups that name the work without the classic "can you …":
 * written for these tests (not taken from any corpus batch).
 */
describe('work put on a person without "can you"', () => {
  it.each([
    '<@U_ANA> the vendor contract renewal needs your sign-off by Friday, the quote came in higher',
    '<@U_ANA> the travel budget sheet needs to be approved by the budget owner (you) this week',
    '<@U_ANA> the agency asked for a contact for the SOW review. I have put you down, hope that is fine',
    '<@U_ANA> would it be mad to ask you to organise the team offsite logistics?',
    '<@U_ANA> maybe you could run the sprint retro while Sam is away?',
    '<@U_ANA> can I leave the weekly vendor call invites with you? I am swamped',
    'Would be great if <@U_ANA> could update the RAID log before the steerco',
    'ok so <@U_ANA> you will send the status report to the execs?',
    'Assigning <@U_ANA> the follow-ups with procurement on the licence renewal',
    'quick favour: <@U_ANA> can you be the vendor contact over the holidays and keep the escalation rota updated? I am off',
    '<@U_ANA> we never got the PO number for the venue, could you dig it out and send it over?',
    'The signed change request needs to be emailed to legal by <@U_ANA> before the freeze',
  ])('flags "%s"', (text) => {
    const v = judge(text);
    expect(v).toMatchObject({ kind: 'assignment', flag: true, work: 'project' });
    expect(v.flagged).toContain('U_ANA');
  });

  it('keeps a note to self as work the author takes on', () => {
    expect(judge('note to self: chase the vendor for the signed PO tomorrow', { author: 'U_ANA' })).toMatchObject({ flag: true, assignees: ['U_ANA'] });
  });

  it('does not take putting someone on a guest list for work', () => {
    expect(judge("<@U_ANA> I've put you down as a guest at the vendor lunch").flag).toBe(false);
  });

  it('still reads a question for information as no request', () => {
    expect(judge('<@U_ANA> maybe you know when the steerco is?').flag).toBe(false);
  });
});

describe('tracker posts that send a request to a person', () => {
  it.each([
    '*Programme RAG – Q1*\nMaya Chen sent <@U_ANA> an update request: *Please update the RAG and next milestone for the portal by Wed.*',
    '*Vendor risk log*\nApproval request sent to <@U_ANA>: *Accept risk R-7 (single supplier)*',
    'Expense report awaiting approval\n*Offsite travel – week 2*\nTotal £840 · Approver: <@U_ANA>',
  ])('gives the work to the person it names: "%s"', (text) => {
    const v = judge(text, { author: 'U_JIRA', fromBot: true });
    expect(v).toMatchObject({ kind: 'assignment', flag: true });
    expect(v.assignees).toEqual(['U_ANA']);
  });
});

describe('standups that call themselves one', () => {
  it('reads a prose standup with a "standup:" heading and no yesterday', () => {
    const v = judge('Wed standup: (1) sent the vendor SOW to legal (2) updated the RAID log. Today (3) booking the offsite venue. No blockers.', { author: 'U_ANA' });
    expect(v).toMatchObject({ kind: 'standup', flag: true, work: 'project' });
  });

  it('reads arrows as sections', () => {
    const v = judge('done → status deck for the steerco, rebaselined the gantt. doing → chasing the vendor invoices. blocked → no', { author: 'U_ANA' });
    expect(v).toMatchObject({ kind: 'standup', flag: true });
  });

  it('does not take an announcement for a standup', () => {
    expect(judge('update: the venue for the offsite is confirmed', { author: 'U_ANA' }).kind).not.toBe('standup');
    expect(judge('update: the offsite venue is booked for today', { author: 'U_ANA' })).toMatchObject({ kind: 'chatter', flag: false });
  });

  it('reads an update that reports the day as a standup', () => {
    const v = judge('update: back from the offsite. Today chasing the vendor invoices, then the steerco status deck. No blockers', { author: 'U_ANA' });
    expect(v).toMatchObject({ kind: 'standup', flag: true });
  });
});
