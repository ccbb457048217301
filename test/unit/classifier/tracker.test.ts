import { judge } from './helpers';

const bot = { author: 'U_JIRA', fromBot: true };

describe('tracker notifications', () => {
  it('reads "X assigned *TICKET* to @x" as an assignment of the ticket\'s work', () => {
    const v = judge('*Ravi* assigned *OPS-31: Send minutes + action items from steering committee* to <@U_ANA>', bot);
    expect(v).toMatchObject({ kind: 'assignment', assignees: ['U_ANA'], flag: true });
    expect(v.categories[0]).toBe('meeting_logistics');
  });

  it('reads "@x was assigned to task …", "you\'ve been assigned" and "Assignee: @x"', () => {
    expect(judge('<@U_ANA> was assigned to task *Book offsite venue*', bot)).toMatchObject({ kind: 'assignment', assignees: ['U_ANA'], flag: true });
    expect(judge("<@U_BEN> you've been assigned *Log vendor API deprecation in risk register*", bot)).toMatchObject({ assignees: ['U_BEN'], flag: true });
    expect(judge('*Marta* assigned you a task: *Raise PO for load-testing tool*\nAssignee: <@U_ANA> · Due: Oct 12', bot)).toMatchObject({ assignees: ['U_ANA'], flag: true });
  });

  it('does not flag a tracker assignment of product work or of project work to a project manager', () => {
    expect(judge('*Chloe* assigned *GROW-3: Define pricing experiment for annual plans* to <@U_ANA>', bot)).toMatchObject({ kind: 'assignment', flag: false, work: 'product' });
    expect(judge('<@U_RAJ> was assigned to task *Book offsite venue*', bot)).toMatchObject({ kind: 'assignment', flag: false });
  });

  it('treats comments that ask nobody, status moves, due-date changes and un-assignments as chatter', () => {
    for (const text of [
      '<@U_ANA> commented on *FAL-231: Update RAID log*: "added the vendor risk, can someone review?"',
      '<@U_ANA> changed the due date of *MIG-9: Staff plan for cutover weekend* to Oct 20',
      '<@U_ANA> unassigned themselves from *Book offsite venue*',
      '<@U_ANA> moved *FAL-12: Update the timeline* to Done',
    ]) {
      expect(judge(text, bot)).toMatchObject({ kind: 'chatter', flag: false, assignees: [] });
    }
  });

  it('does not read an app\'s imperative ticket title as a request to the people it mentions', () => {
    expect(judge('New comment on *Book the retro room*: <@U_ANA> see above', bot)).toMatchObject({ kind: 'chatter', flag: false });
  });
});

describe('tracker and workflow layouts', () => {
  const cases: Array<[string, string]> = [
    ['"has been assigned to" after a key and title', '*LOG-7* _Arrange venue + send calendar holds_ has been assigned to <@U_ANA>'],
    ['"@x assigned @y to …": the second person holds it', '<@U_LEAD> assigned <@U_ANA> to *Arrange catering for the offsite*'],
    ['"@x added @y to the card …"', '<@U_RAJ> added <@U_ANA> to the card *Prepare sprint review agenda*'],
    ['an "Assignees:" field beside a status field', '*Chase vendor for the signed SOW*\n*Assignees:* <@U_ANA> · *Status:* To do'],
    ['a "Person:" field', 'Person: <@U_ANA> · Board: Launch ops\n*Collect timesheets from contractors*'],
    ['a "Members:" field', '*Update the release Gantt*\nMembers: <@U_ANA>'],
    ['an "Assigned to:" field in a form request', 'New request submitted: *Book travel for the Berlin workshop*\n*Assigned to:* <@U_ANA>'],
    ['self-assignment', '<@U_ANA> assigned themselves to *Send the weekly status report*'],
    ['a trailing "by Name"', '*Reconcile Q3 invoices* assigned to <@U_ANA> by Lee Morgan'],
    ['a leading app name', 'Asana: <@U_ANA> was assigned *Schedule the kickoff with the vendor*'],
    ['an assignee change', '<@U_LEAD> changed the assignee of *Update the RAID log* from <@U_RAJ> to <@U_ANA>'],
    ['an assignee change drawn with an arrow', '*[OPS-9] Update the RAID log*\n*Assignee:* <@U_RAJ> → <@U_ANA>'],
  ];
  it.each(cases)('reads %s as handing the work to the person it names', (_name, text) => {
    expect(judge(text, bot)).toMatchObject({ kind: 'assignment', assignees: ['U_ANA'], flag: true });
  });

  it('counts a due-date reminder as work the named person holds', () => {
    const v = judge('Reminder: *Submit budget vs actuals* is due tomorrow · <@U_ANA>', bot);
    expect(v).toMatchObject({ kind: 'assignment', assignees: ['U_ANA'], flag: true });
    expect(v.reasons[0]).toMatch(/reminder of work <@U_ANA> holds/);
  });

  it('judges a tracker comment that asks a product manager for project work as that request', () => {
    const v = judge('<@U_LEAD> commented on *OPS-4: Room booking*: "<@U_ANA> can you book the room for Thursday?"', bot);
    expect(v).toMatchObject({ kind: 'assignment', assignees: ['U_ANA'], flag: true });
  });

  it("does not take a commenter's own note for a request to the commenter", () => {
    const v = judge('*<@U_ANA>* commented on an issue\n*OPS-12: Update the delivery timeline*\nfirst draft is up, comments welcome', bot);
    expect(v).toMatchObject({ kind: 'chatter', flag: false });
  });

  it('reads a comment on its own line below the app\'s line as the commenter\'s words', () => {
    const v = judge('*<@U_RAJ>* commented on an issue\n*OPS-14: Q4 spend report*\n<@U_ANA> can you own the spend vs budget part?', bot);
    expect(v).toMatchObject({ kind: 'assignment', flag: true, assignees: ['U_ANA'] });
  });

  it('still reads completions and un-assignments as chatter, whatever the title says', () => {
    expect(judge('<@U_ANA> completed *Book the retro room*', bot)).toMatchObject({ kind: 'chatter', flag: false });
    expect(judge('<@U_LEAD> removed <@U_ANA> from *Chase the vendor*', bot)).toMatchObject({ kind: 'chatter', flag: false });
  });
});
