import { classify } from '../../../src/core/classifier';
import { judge } from './helpers';

const pm = { author: 'U_ANA' };

describe('standup formats', () => {
  it('recognises "Yesterday / Today / Blockers" sections with bullets', () => {
    const v = judge('Yesterday:\n- updated the project timeline\n- sent the status report\nToday:\n- RAID review\n- chase vendor for PO\nBlockers: none', pm);
    expect(v).toMatchObject({ kind: 'standup', assignees: ['U_ANA'], projectShare: 1, flag: true });
    expect(v.items).toHaveLength(4);
  });

  it('recognises "Done / Doing / Blocked" sections', () => {
    const v = judge('Done:\n- user stories for bulk edit\n- updated the gantt\nDoing:\n- success metrics for bulk edit\nBlocked:\n- none', pm);
    expect(v).toMatchObject({ kind: 'standup', projectShare: 0.33, flag: false });
  });

  it('recognises "Y: / T: / B:" on separate lines and inline', () => {
    expect(judge('Y: took minutes at steering, updated RAID log\nT: chase vendor for PO, customer interview w/ Acme\nB: -', pm)).toMatchObject({ kind: 'standup', projectShare: 0.75, flag: true });
    expect(judge('Y: vision doc for analytics; T: hiring panel for the PM role; B: none', pm)).toMatchObject({ kind: 'standup', projectShare: 0, flag: false });
  });

  it('recognises emoji-led sections', () => {
    const v = judge(':white_check_mark: facilitated retro\n:white_check_mark: cleaned up the board\n:construction: sprint planning invites\n:no_entry: none', pm);
    expect(v).toMatchObject({ kind: 'standup', flag: true });
    expect(v.items).toHaveLength(3);
  });

  it('recognises a standup app post that quotes its questions, and skips the question lines', () => {
    const v = judge(
      '<@U_ANA> posted an update for *Daily Standup*\n*What did you do yesterday?*\nBudget vs actuals for Falcon\n*What will you do today?*\nVendor onboarding for the QA agency; update milestones\n*Anything blocking you?*\nWaiting on procurement',
      { author: 'U_ANA', fromBot: true },
    );
    expect(v).toMatchObject({ kind: 'standup', assignees: ['U_ANA'], projectShare: 1, flag: true });
    expect(v.items?.map((i) => i.text)).toEqual(['budget vs actuals for falcon', 'vendor onboarding for the qa agency', 'update milestones']);
  });

  it('recognises prose ("yesterday I …, today I …")', () => {
    const v = judge("yesterday I wrote user stories for the filters work and sent the invites for sprint review, today I'm on the A/B test readout and updating the timeline. blockers: none", { author: 'U_BEN' });
    expect(v).toMatchObject({ kind: 'standup', assignees: ['U_BEN'], projectShare: 0.5, flag: true });
  });

  it('recognises a plain bullet list of the author\'s own work', () => {
    expect(judge('• business case for data residency\n• positioning review with PMM\n• status report for the board\n• chased procurement on the renewal', pm)).toMatchObject({
      kind: 'standup',
      projectShare: 0.5,
      flag: true,
    });
  });

  it('recognises "Progress / Plans / Problems" and abbreviated headers', () => {
    expect(judge('Progress: booked the QBR room, sent the invites\nPlans: update the RAID log\nProblems: none', pm)).toMatchObject({ kind: 'standup', flag: true });
    expect(judge('Yday: chased legal on the DPA, updated the timeline\nTdy: status report for steerco\nBlockers: nope', pm)).toMatchObject({ kind: 'standup', flag: true });
  });

  it('does not take small talk about yesterday and today for a standup', () => {
    expect(judge('yesterday was a blur, today is a new day :sunny:', pm).kind).toBe('chatter');
  });

  it('does not take a list of action items for other people as a standup', () => {
    expect(judge('Action items:\n• <@U_ANA> – competitive analysis on the new tier\n• <@U_ANA> – book the offsite room').kind).toBe('assignment');
  });
});

describe('standup flag', () => {
  it('flags a product manager when exactly half of the items are project work', () => {
    expect(judge('Done: pricing analysis; booked the retro room\nDoing: OOO from 2pm\nBlocked: -', pm)).toMatchObject({ projectShare: 0.5, flag: true, flagged: ['U_ANA'] });
  });

  it('does not flag a product manager when less than half of the items are project work', () => {
    expect(judge('Y: A/B test analysis on the paywall, interview with Globex\nT: PRD review with eng, update the timeline\nB: none', pm)).toMatchObject({ projectShare: 0.25, flag: false });
  });

  it('does not flag anyone who is not a product manager, however much project work they report', () => {
    expect(judge('Y: updated the timeline, sent the status report\nT: RAID review\nB: none', { author: 'U_RAJ' })).toMatchObject({ kind: 'standup', projectShare: 1, flag: false });
  });

  it('does not count blockers, "none" or "OOO" as items, but counts other work in the denominator', () => {
    const v = judge('Y: onboarding the new PM, 1:1s\nT: PRD review\nB: waiting on finance', pm);
    expect(v.items?.map((i) => i.work)).toEqual(['other', 'other', 'product']);
    expect(v).toMatchObject({ work: 'other', flag: false });
  });

  it('keeps a parenthesised aside inside its item', () => {
    expect(judge('- sprint admin in jira (closed sprint 41, set up 42)\n- status update for the client\n- synthesised the survey results\n- blockers: none', pm).items).toHaveLength(3);
  });
});

describe("standup apps' own layouts", () => {
  const roles = { U_ANA: 'product' as const, U_BOT: 'other' as const };

  it('credits a post headed "Daily Standup — <name>" to that person and leaves the app\'s footer out', () => {
    const v = classify({
      text: 'Daily standup',
      author: 'U_BOT',
      fromBot: true,
      roles,
      names: { U_ANA: 'Ana Souza' },
      blocks: [
        { type: 'header', text: { type: 'plain_text', text: 'Daily Standup — Ana Souza' } },
        { type: 'section', text: { type: 'mrkdwn', text: '*Yesterday*\n- Sent the status report to the steerco\n- Updated the RAID log' } },
        { type: 'section', text: { type: 'mrkdwn', text: '*Today*\n- Book rooms for the offsite\n- Draft PRD for search' } },
        { type: 'context', elements: [{ type: 'mrkdwn', text: 'Submitted via DailyBot' }] },
      ],
    });
    expect(v).toMatchObject({ kind: 'standup', assignees: ['U_ANA'], flag: true, projectShare: 0.75 });
  });

  it('reads "What happened / What\'s next" and "Goals for today / Previous goals" sections', () => {
    const range = classify({ text: '<@U_ANA> shared a check-in\n*What happened*\n• Ran sprint planning\n• Chased the vendor on the SOW\n*What\'s next*\n• Customer interviews (x3)\n• Pricing page copy', author: 'U_BOT', fromBot: true, roles });
    expect(range).toMatchObject({ kind: 'standup', assignees: ['U_ANA'], projectShare: 0.5, flag: true });
    const hero = classify({ text: 'Status: <@U_ANA> checked in\n*Goals for today*\nWrite the Q1 OKRs; finish the competitor teardown\n*Previous goals*\nSynthesised onboarding interviews\n*Blockers*\nNone', author: 'U_BOT', fromBot: true, roles });
    expect(hero).toMatchObject({ kind: 'standup', assignees: ['U_ANA'], flag: false });
  });
});
