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

  it('treats comments, status moves, due-date changes, reminders and un-assignments as chatter', () => {
    for (const text of [
      '<@U_ANA> commented on *FAL-231: Update RAID log*: "added the vendor risk, can someone review?"',
      '<@U_ANA> changed the due date of *MIG-9: Staff plan for cutover weekend* to Oct 20',
      'Reminder: *Weekly status report* is due today (assigned to <@U_ANA>)',
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
