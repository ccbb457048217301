import { judge } from './helpers';

describe('who is asked to do what', () => {
  it('flags a product manager who is asked to book the retro room', () => {
    const v = judge('<@U_ANA> please book a room for the sprint retro on Thursday');
    expect(v).toMatchObject({ kind: 'assignment', flag: true, assignees: ['U_ANA'], flagged: ['U_ANA'], work: 'project' });
    expect(v.categories[0]).toBe('meeting_logistics');
    expect(v.phrase).toBe('book a room');
  });

  it('does not flag the same request made to a project manager', () => {
    expect(judge('<@U_RAJ> please book a room for the sprint retro on Thursday')).toMatchObject({ kind: 'assignment', flag: false, assignees: ['U_RAJ'] });
  });

  it('treats a person with no known role as not a product manager', () => {
    expect(judge('<@U_NEW> please book a room for the retro', { roles: {} })).toMatchObject({ flag: false, assignees: ['U_NEW'] });
  });

  it('does not flag product work handed to a product manager', () => {
    expect(judge('<@U_ANA> can you write the PRD for bulk export?')).toMatchObject({ kind: 'assignment', flag: false, work: 'product', categories: ['requirements'] });
  });

  it('flags a message that hands over both product and project work, listing project work first', () => {
    const v = judge('<@U_ANA> can you write the PRD for bulk export and also update the timeline with the new dates?');
    expect(v).toMatchObject({ flag: true, work: 'project' });
    expect(v.categories).toEqual(['schedule', 'requirements']);
  });

  it('reads "Action item: @x to …", "Let\'s have @x …", "Assigning @x to …" and "Owner: @x" as assignments', () => {
    for (const text of [
      'Action item: <@U_ANA> to log the data-migration issues in the issue log',
      "Let's have <@U_ANA> run the weekly risk review",
      'Assigning <@U_ANA> to track scope changes against the signed SOW',
      'Owner for the project schedule: <@U_ANA>',
    ]) {
      expect(judge(text)).toMatchObject({ kind: 'assignment', assignees: ['U_ANA'], flag: true });
    }
  });

  it('reads a passive request ("needs to be sent by @x") as an assignment to that person', () => {
    expect(judge('The status deck needs to be sent by <@U_ANA> before Monday')).toMatchObject({ kind: 'assignment', assignees: ['U_ANA'], flag: true });
  });

  it('takes a name at the end of a request as the person asked', () => {
    expect(judge('can you update the gantt chart, <@U_ANA>?')).toMatchObject({ assignees: ['U_ANA'], flag: true });
  });

  it('counts everyone addressed together, and nobody who is only the object of the request', () => {
    expect(judge('<@U_ANA> and <@U_DEV1> please book the demo room and send the invites').assignees).toEqual(['U_ANA', 'U_DEV1']);
    expect(judge('<@U_ANA> chase <@U_DEV1> for their estimates pls').assignees).toEqual(['U_ANA']);
    expect(judge('<@U_LEAD> could you pair with <@U_DEV1> on the migration script?').assignees).toEqual(['U_LEAD']);
  });
});

describe('self-assignment', () => {
  it('flags a product manager who volunteers for project work ("I\'ll …")', () => {
    expect(judge("I'll send the project status update to stakeholders today", { author: 'U_ANA' })).toMatchObject({
      kind: 'assignment',
      flag: true,
      assignees: ['U_ANA'],
    });
  });

  it('flags "I can take …" and "leave it with me" from a product manager', () => {
    expect(judge('I can take the minutes today', { author: 'U_BEN' })).toMatchObject({ flag: true, assignees: ['U_BEN'] });
    expect(judge("leave the RAID log with me, I'll tidy it up", { author: 'U_ANA' })).toMatchObject({ flag: true, assignees: ['U_ANA'] });
  });

  it('does not flag a project manager who volunteers', () => {
    expect(judge("I'll run the retro and book the room", { author: 'U_RAJ' })).toMatchObject({ kind: 'assignment', flag: false, assignees: ['U_RAJ'] });
  });

  it('does not read "I\'ll be out" or "let me know" as volunteering', () => {
    expect(judge("I'll be out on Friday, the retro room is booked", { author: 'U_ANA' }).kind).toBe('chatter');
    expect(judge('let me know when the timeline is updated', { author: 'U_ANA' }).kind).toBe('chatter');
  });
});

describe('things that are not assignments', () => {
  it('a negation is not an assignment ("no need to …", "don\'t worry about …", "stop chasing")', () => {
    for (const text of [
      '<@U_ANA> no need to update the timeline, Raj has it',
      "<@U_ANA> don't worry about the invites",
      '<@U_ANA> stop chasing procurement, the PO went through',
      "<@U_ANA> you're off the hook for the timesheets",
    ]) {
      expect(judge(text)).toMatchObject({ kind: 'chatter', flag: false, assignees: [] });
    }
  });

  it('a report of work already done is not an assignment', () => {
    expect(judge('I already sent the invites', { author: 'U_ANA' })).toMatchObject({ kind: 'chatter', flag: false });
    expect(judge('<@U_ANA> the room is booked and the invites were sent')).toMatchObject({ kind: 'chatter', flag: false });
  });

  it('thanks and praise are not assignments, and the person thanked is not an assignee', () => {
    expect(judge('thanks <@U_ANA> for the status report! super clear')).toMatchObject({ kind: 'chatter', flag: false, assignees: [] });
    expect(judge('shoutout to <@U_ANA> for getting the vendor contract signed :tada:')).toMatchObject({ kind: 'chatter', assignees: [] });
  });

  it('a question for information is not an assignment', () => {
    for (const text of ['<@U_ANA> when is the release?', "<@U_ANA> what's the agenda for tomorrow's steering committee?", '<@U_ANA> did the vendor ever sign the NDA?']) {
      expect(judge(text)).toMatchObject({ kind: 'chatter', flag: false, assignees: [] });
    }
  });

  it('a request phrased as a question is still an assignment', () => {
    expect(judge('<@U_ANA> do you have time to update the project timeline?')).toMatchObject({ kind: 'assignment', flag: true });
    expect(judge('<@U_ANA> would you mind sending the meeting notes to everyone?')).toMatchObject({ kind: 'assignment', flag: true });
  });

  it('thanks in the same clause as a request does not cancel the request', () => {
    expect(judge('<@U_ANA> could you book the retro room, thanks!')).toMatchObject({ kind: 'assignment', flag: true });
  });

  it('handing project work away from a product manager does not nudge the product manager', () => {
    expect(judge('<@U_PJ> please take over the sprint logistics from <@U_ANA>')).toMatchObject({ kind: 'assignment', flag: false, assignees: ['U_PJ'] });
    expect(judge('Moving the status reporting from <@U_ANA> to <@U_PJ> starting next week')).toMatchObject({ flag: false, assignees: ['U_PJ'] });
  });

  it('a user group or <!here> is not a person, so a request to them is chatter', () => {
    expect(judge('<!subteam^S01|@pms> can someone update the status deck before 3?')).toMatchObject({ kind: 'chatter', assignees: [] });
    expect(judge('<!here> please fill in your timesheets by Friday')).toMatchObject({ kind: 'chatter', assignees: [] });
    expect(judge('can someone update the timeline? it still says August')).toMatchObject({ kind: 'chatter', assignees: [] });
  });
});

describe('product work and project work', () => {
  it('the product roadmap is product work; the sprint roadmap is project work', () => {
    expect(judge('<@U_ANA> can you update the product roadmap with the Q3 themes?')).toMatchObject({ flag: false, work: 'product', categories: ['roadmap'] });
    expect(judge('<@U_ANA> can you update the sprint roadmap for the next three sprints?')).toMatchObject({ flag: true, work: 'project', categories: ['schedule'] });
  });

  it('the release schedule of features is product work', () => {
    expect(judge('<@U_ANA> pls put together the release schedule for the new features')).toMatchObject({ flag: false, work: 'product' });
  });

  it('a product budget is product work; tracking project spend and invoices is project work', () => {
    expect(judge('<@U_ANA> pls put together the product budget ask for next year')).toMatchObject({ flag: false, work: 'product', categories: ['business_case'] });
    expect(judge('<@U_ANA> please reconcile the project spend against the budget for September')).toMatchObject({ flag: true, categories: ['budget_tracking'] });
    expect(judge('<@U_ANA> can u chase the invoices and update the burn sheet')).toMatchObject({ flag: true, work: 'project' });
  });

  it('setting up customer interviews is discovery, but booking a room for the retro is logistics', () => {
    expect(judge('<@U_ANA> can you set up customer interviews with 5 churned accounts next week?')).toMatchObject({ flag: false, categories: ['discovery'] });
    expect(judge("I'll set up calls with 5 churned customers next week", { author: 'U_BEN' })).toMatchObject({ flag: false, work: 'product' });
    expect(judge('<@U_ANA> can you book the room for the retro?')).toMatchObject({ flag: true, categories: ['meeting_logistics'] });
  });

  it('defining the MVP scope is product work; managing change requests against agreed scope is project work', () => {
    expect(judge('<@U_ANA> can you define the MVP scope for the mobile app?')).toMatchObject({ flag: false, work: 'product' });
    expect(judge('<@U_ANA> please log the new export request as a change request and take it to the CR board')).toMatchObject({ flag: true, categories: ['change_control'] });
  });

  it('a product feature named after a project artefact is product work ("the timeline view")', () => {
    expect(judge('<@U_ANA> can you decide what the timeline view in the app should show by default?')).toMatchObject({ flag: false, work: 'product' });
  });

  it('work that is neither is "other"', () => {
    expect(judge('<@U_DEV1> can you review my PR when you get a sec')).toMatchObject({ kind: 'assignment', work: 'other', categories: [] });
  });
});

describe('text that must not confuse it', () => {
  it('matches whole words only: "scheduler", "unscheduled" and "Justice" are not schedule or "just"', () => {
    expect(judge('<@U_DEV1> the scheduler has unscheduled downtime, can you have a look?')).toMatchObject({ work: 'other', categories: [] });
    expect(judge('<@U_ANA> can you update the gantt? Justice sent the new dates')).toMatchObject({ kind: 'assignment', flag: true });
  });

  it('reads Slack escapes (&amp;, &lt;, &gt;) as the characters they stand for', () => {
    const v = judge('<@U_ANA> please update the timeline &amp; book the retro room');
    expect(v).toMatchObject({ flag: true });
    expect(v.categories).toEqual(expect.arrayContaining(['schedule', 'meeting_logistics']));
    expect(judge('if p99 latency &gt; 200ms we page &lt;@U_ANA&gt;')).toMatchObject({ kind: 'chatter', flag: false });
  });

  it('ignores emoji codes, including ones named like work (":calendar:", ":spiral_calendar_pad:")', () => {
    expect(judge(':calendar: :spiral_calendar_pad: :date:')).toMatchObject({ kind: 'chatter', categories: [] });
    expect(judge(':broom: <@U_ANA> pls tidy up the trello board :broom:')).toMatchObject({ flag: true, categories: ['tracker_hygiene'] });
  });

  it('does not read a link target or label as part of the request', () => {
    const v = judge('<@U_ANA> pls add the success metrics to <https://notion.so/abc|Falcon – project plan &amp; timeline>');
    expect(v).toMatchObject({ kind: 'assignment', flag: false, work: 'product' });
    expect(judge('<https://github.com/acme/app/pull/812|PR #812: book room flow refactor> is merged').kind).toBe('chatter');
  });

  it('ignores code spans and code blocks', () => {
    expect(judge('`update_timeline()` throws on null dates. <@U_DEV1> can you take a look?')).toMatchObject({ work: 'other', categories: [] });
    expect(judge('<@U_ANA> can you look at this?\n```\nbook_room(schedule)\n```')).toMatchObject({ flag: false });
  });

  it('does not repeat a quoted request (&gt; and raw >)', () => {
    expect(judge("&gt; <@U_ANA> can you book the room for the retro\nlol that was last year's thread, ignore")).toMatchObject({ kind: 'chatter', flag: false });
    expect(judge('> <@U_ANA> can you take the minutes?\nI did, they are in confluence')).toMatchObject({ kind: 'chatter', flag: false });
  });

  it('acts on the request under a quote, not on the quote', () => {
    const v = judge("&gt; <@U_ANA> please book the retro room\nactually <@U_RAJ> can you grab this one instead? Ana's slammed");
    expect(v).toMatchObject({ kind: 'assignment', assignees: ['U_RAJ'], flag: false });
  });

  it('reads common typos as the words meant, but leaves real words alone', () => {
    expect(judge('<@U_ANA> cn u do the stauts report this wk, pj is out')).toMatchObject({ flag: true, categories: ['status_reporting'] });
    expect(judge('<@U_ANA> cud u resechedule the retro to thurs')).toMatchObject({ flag: true, categories: ['meeting_logistics'] });
    expect(judge('Y: fixed the flaky e2e tests\nT: scheduler refactor\nB: none', { author: 'U_DEV1' }).categories).toEqual([]);
  });
});

describe('ways of asking', () => {
  it.each([
    '<@U_ANA> would be great if you could send out the calendar invites for the QBR',
    '<@U_ANA> are you able to pull together the weekly status report?',
    '<@U_ANA> any chance you could chase finance on the PO?',
    '<@U_ANA> this one is yours: update the RAID log before steerco',
    "Hi <@U_ANA>, could you sort out the meeting room for Friday's workshop?",
    '<@U_ANA>: please reschedule the sprint review to Wednesday',
    'Can I get you to update the project plan, <@U_ANA>?',
    '<@U_ANA> I need the budget vs actuals by EOD',
    '<@U_ANA> how about you run the retro this time?',
    '<@U_ANA> 1) update the RAID log 2) book the retro room',
  ])('reads "%s" as project work handed to the product manager', (text) => {
    expect(judge(text)).toMatchObject({ kind: 'assignment', flag: true, assignees: ['U_ANA'] });
  });

  it('reads an offer phrased as a question ("can I take …?") as volunteering', () => {
    expect(judge('Can I take the retro notes today?', { author: 'U_ANA' })).toMatchObject({ kind: 'assignment', flag: true, assignees: ['U_ANA'] });
  });

  it('gives work to the person someone is asked to pass it to ("ask @raj to …")', () => {
    expect(judge('<@U_ANA> can you ask <@U_RAJ> to book the room?')).toMatchObject({ assignees: ['U_RAJ'], flag: false });
    expect(judge("I'll ask <@U_RAJ> to update the timeline", { author: 'U_ANA' })).toMatchObject({ assignees: ['U_RAJ'], flag: false });
  });

  it('does not take a report about someone else doing the work as a request', () => {
    expect(judge('<@U_ANA> FYI <@U_RAJ> is booking the room')).toMatchObject({ kind: 'chatter', flag: false });
    expect(judge('<@U_ANA> please ignore my last message about the invites')).toMatchObject({ kind: 'chatter', flag: false });
  });
});
