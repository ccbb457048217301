import { classify } from '../../../src/core/classifier';
import type { ClassifyInput, Role } from '../../../src/core/types';
import { ROLES_MAP } from './helpers';

/**
 * Standup apps' layouts (whose update it is, bold headings on the answer's line, quoted answers),
 * tracker posts to "you" and "Assign to" fields, asking in Tagalog, Swahili and Hindi, and indirect
 * asks ("ok if I leave … with you?", "would it be an imposition to ask you to …"). Written for these
 * tests (not taken from any corpus batch).
 */
const roles: Record<string, Role> = { ...ROLES_MAP, U_APP: 'other' };

function judge(input: Partial<ClassifyInput> & { text: string }) {
  return classify({ author: 'U_LEAD', roles, ...input });
}

/** The message asks Ana (a product manager) for project work. */
function expectAsksAna(text: string): void {
  expect(judge({ text })).toMatchObject({ kind: 'assignment', flag: true, flagged: ['U_ANA'] });
}

/** Ana takes project work on in her own message. */
function expectAnaVolunteers(text: string): void {
  expect(judge({ text, author: 'U_ANA' })).toMatchObject({ assignees: ['U_ANA'], flag: true });
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
    expectAsksAna(text);
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
    expectAsksAna(text);
  });

  it('asks the person named in "will you take over …?", not the author', () => {
    expect(judge({ text: '<@U_ANA> will you take over the weekly vendor call with Adyen?' })).toMatchObject({ assignees: ['U_ANA'], flag: true });
  });

  it('keeps the request when the author says what they will do with the result', () => {
    expect(judge({ text: '<@U_ANA> could you chase Lucy for her design hours so I can close the timesheets?' })).toMatchObject({ assignees: ['U_ANA'], flag: true });
  });

  it('takes a laugh before a volunteer as volunteering', () => {
    expectAnaVolunteers('haha I\'ll book the venue for the offsite then');
    expect(judge({ text: 'haha nice one', author: 'U_ANA' }).kind).toBe('chatter');
  });

  it('reads "lemme" as taking something on', () => {
    expectAnaVolunteers('lemme handle the agenda and the room for the January planning');
  });
});

describe('form and meeting-notes posts', () => {
  it('reads "Assigned to" in a form post that also says who submitted it', () => {
    const v = classify({ text: '*Meeting Room Request*\n*For:* relaunch war room, 1-2 June\n*Needs:* screens, catering\n*Assigned to:* <@U_ANA>\n*Submitted by:* <@U_LEAD>', author: 'U_APP', fromBot: true, roles });
    expect(v).toMatchObject({ kind: 'assignment', assignees: ['U_ANA'], flag: true });
  });

  it('reads a ceremony rota that names facilitators', () => {
    const v = classify({ text: "*This week's ceremony rota*\n• Standup facilitator: <@U_ANA>\n• Retro facilitator: <@U_RAJ>", author: 'U_APP', fromBot: true, roles });
    expect(v).toMatchObject({ kind: 'assignment', flag: true, flagged: ['U_ANA'] });
  });

  it('reads unticked action items in meeting notes as requests', () => {
    const v = classify({ text: '*Weekly sync with the vendor*\n*Action items*\n☐ <@U_ANA> send the revised install schedule to the site manager\n☐ <@U_LEAD> check the firmware version', author: 'U_APP', fromBot: true, roles });
    expect(v).toMatchObject({ flag: true, flagged: ['U_ANA'] });
  });
});

describe('more asking in other languages', () => {
  it.each([
    '<@U_ANA> ¿me mandas el detalle de gastos del piloto vs lo presupuestado?',
    '<@U_ANA> ¿actualizas los estados de los tickets en Jira? el cliente mira el tablero',
    '<@U_ANA> te toca el informe de avance mensual para el directorio',
    '<@U_ANA> el prospecto pidió un NDA antes de la demo, ¿lo gestionas con legal?',
  ])('reads "%s" as a request', (text) => {
    expectAsksAna(text);
  });

  it.each(['me hago cargo de la planilla de riesgos de Calama', 'sim, fico eu com isso o cronograma'])('reads "%s" as volunteering', (text) => {
    expectAnaVolunteers(text);
  });

  it('does not read "agendas" as a Spanish request', () => {
    expect(judge({ text: "I'm happy to run the pricing committee going forward — agendas, minutes, chasing the actions", author: 'U_ANA' }).flag).toBe(true);
  });
});

describe('more ways of handing over', () => {
  it.each([
    '<@U_ANA> fancy being scrum master for the integrations squad this sprint?',
    '<@U_ANA> the SIM contract renewal lands on your desk this time, contract is in the shared drive',
    '<@U_ANA> two things: update the loyalty roadmap with the June relaunch, and get all the partner contract renewals onto one tracker with dates so we stop getting surprised',
    'The revised summit budget needs to go to finance from <@U_ANA> before Thursday',
    '<@U_ANA> need the risk log refreshed with the SSO slip before the steering meeting',
  ])('reads "%s" as handing the work over', (text) => {
    expectAsksAna(text);
  });

  it('reads "could this be you?" under a parent that names the work as handing it over', () => {
    const parent = { text: 'we need someone to pull the monthly spend breakdown against the budget for the steering group', author: 'U_RAJ' };
    expect(judge({ text: '<@U_ANA> could this be you? you have the spreadsheet skills', parent })).toMatchObject({ flag: true, flagged: ['U_ANA'] });
  });

  it.each([
    'I can be scrum master for sprint 43 while Sven is on leave',
    'leave the Dovetail + Maze licence renewals with me',
    "I'll keep a running change log for the variations so we stop arguing about what was agreed",
  ])('reads "%s" as volunteering', (text) => {
    expectAnaVolunteers(text);
  });

  it('still reads "stop chasing" as calling work off', () => {
    expect(judge({ text: '<@U_ANA> stop chasing the vendor, legal has it' }).flag).toBe(false);
  });
});

describe('standups without a second section', () => {
  it('reads a lone "today:" list of three or more of the author\'s own tasks as a standup', () => {
    const v = judge({ text: 'today: facilitating sprint 45 planning, the booth contract back to the organisers, sprint report template setup', author: 'U_ANA' });
    expect(v).toMatchObject({ kind: 'standup', flag: true });
  });

  it('does not read a "today:" line that names people as a standup', () => {
    expect(judge({ text: 'today: <@U_BEN> demos, <@U_RAJ> runs the retro, release at 4', author: 'U_ANA' }).kind).not.toBe('standup');
  });

  it('reads Hindi "kal / aaj" sections', () => {
    const v = judge({ text: 'Kal: ran the cutover rehearsal, lessons added to RAID Aaj: renewal negotiation call with the vendor Blockers: kuch nahi', author: 'U_ANA' });
    expect(v).toMatchObject({ kind: 'standup', flag: true });
  });
});

describe('sessions with users to learn something are discovery', () => {
  it.each([
    '<@U_ANA> run 5 quick calls w people who turned streak freeze off - what put them off?',
    '<@U_ANA> can you book 30 mins with 3-4 users in Lisbon to test the new onboarding messaging?',
    '<@U_ANA> can you set up a demo of the new rate calendar with 3-4 revenue managers and see if they actually get it?',
  ])('does not nudge "%s" as meeting logistics', (text) => {
    expect(judge({ text }).flag).toBe(false);
  });

  it('still nudges booking a room for the team', () => {
    expect(judge({ text: '<@U_ANA> can you book a room for the sprint retro on Thursday?' }).flag).toBe(true);
  });
});

describe('standup app field names', () => {
  it("reads \"Yesterday's accomplishments\" as the done section", () => {
    const v = classify({
      text: '<@U_ANA> checked in',
      attachments: [{ fields: [{ title: "Yesterday's accomplishments", value: 'Ranking experiment readout' }, { title: 'Goals for today', value: 'H2 roadmap draft; chase the vendor for the credit note' }, { title: 'Blockers', value: 'None' }] }],
      author: 'U_APP',
      fromBot: true,
      roles,
    });
    expect(v).toMatchObject({ kind: 'standup', assignees: ['U_ANA'], flag: false });
    expect(v.items).toHaveLength(3);
  });
});

describe('project work named by what it does', () => {
  it.each([
    ['<@U_ANA> can you map what the v2 launch is blocked on? the payments API, legal, our capacity', 'schedule'],
    ['<@U_ANA> could you herd the sign-offs for the release notes? legal, support and marketing all need to tick it', 'follow_up'],
    ["<@U_ANA> can you figure out who's actually free to do the retrofit in June?", 'resourcing'],
    ['<@U_ANA> the partner window moved to September, can you figure out who we borrow and for how long?', 'resourcing'],
  ])('reads "%s" as %s', (text, category) => {
    const v = judge({ text });
    expect(v).toMatchObject({ flag: true, flagged: ['U_ANA'] });
    expect(v.categories).toContain(category);
  });
});

describe('"don\'t" tells someone not to only at the start of what is said to them', () => {
  it('keeps a request after a statement that uses "don\'t"', () => {
    expect(judge({ text: "<@U_ANA> quick one: the vendor's invoices don't match the PO amounts. can you get them reissued?" })).toMatchObject({ flag: true, flagged: ['U_ANA'] });
  });

  it.each(["<@U_ANA> pls don't chase the vendor, legal has it", "no, don't book the room <@U_ANA>, Raj has it"])('still reads "%s" as calling the work off', (text) => {
    expect(judge({ text }).flag).toBe(false);
  });
});

describe('workflow forms and field changes', () => {
  it('reads "Assigned to" in a form whose footer says it was submitted via a workflow', () => {
    const v = classify({ text: '*New request: Meeting room + catering*\n*Requested by:* Dafydd Rees\n*Event:* judges\' briefing\n*Assigned to:* <@U_ANA>\nSubmitted via Workflow Builder · Facilities requests', author: 'U_APP', fromBot: true, roles });
    expect(v).toMatchObject({ kind: 'assignment', assignees: ['U_ANA'], flag: true });
  });

  it('reads "Cover assigned to" in a leave-cover form', () => {
    const v = classify({ text: '*Leave cover request*\n*Person on leave:* Marek (14–25 Apr)\n*Duties:* CR log, supplier chases, weekly RAG\n*Cover assigned to:* <@U_ANA>', author: 'U_APP', fromBot: true, roles });
    expect(v).toMatchObject({ kind: 'assignment', assignees: ['U_ANA'], flag: true });
  });

  it('reads a bold field changed to a person ("*Assigned To* changed to *Ana Souza*")', () => {
    const v = classify({ text: '', attachments: [{ pretext: 'Smartsheet › Master Plan', title: 'Row 38: Parallel run sign-off schedule', text: '*Assigned To* changed to *Ana Souza*\n*Finish* 12/07' }], names: { U_ANA: 'Ana Souza' }, author: 'U_APP', fromBot: true, roles });
    expect(v).toMatchObject({ kind: 'assignment', assignees: ['U_ANA'] });
  });

  it('reads "assigned <ticket link> to themselves"', () => {
    const v = classify({ text: '', blocks: [section('*Ana Souza* assigned <https://linear.app/x/issue/T-236|T-236 Re-label cycle 9 issues + close duplicates before planning> to themselves')], names: { U_ANA: 'Ana Souza' }, author: 'U_APP', fromBot: true, roles });
    expect(v).toMatchObject({ kind: 'assignment', assignees: ['U_ANA'] });
  });
});

describe('asking in Korean, Finnish, Polish and Pidgin', () => {
  it.each([
    '<@U_ANA> 이번 주 금요일까지 주간 status report 작성해 주실 수 있나요?',
    '<@U_ANA> 다음 주 월요일 주간 회의 안건 좀 정리해 주세요~',
    '<@U_ANA> ehtisitkö päivittää riskilistan ennen torstaita?',
    '<@U_ANA> muistatko laittaa go/no-go -palaverin kalenteriin?',
    '<@U_ANA> możesz ogarnąć kickoff z nowym dostawcą?',
  ])('reads "%s" as a request', (text) => {
    expectAsksAna(text);
  });

  it.each(['mä hoidan laskujen jahtaamisen tällä viikolla', 'Hanbit 계약서 검토 미팅은 제가 잡을게요'])('reads "%s" as volunteering', (text) => {
    expectAnaVolunteers(text);
  });

  it.each(['go on then', 'jasne, ogarnę', 'no wahala, I dey there'])('reads "%s" in a thread as a yes to what the parent asked', (text) => {
    const parent = { text: '<@U_ANA> can you book the room and send the invites for the supplier kickoff?', author: 'U_RAJ' };
    expect(judge({ text, author: 'U_ANA', parent })).toMatchObject({ flag: true, assignees: ['U_ANA'] });
  });
});

describe('more hand-overs and volunteering', () => {
  it.each([
    "<@U_ANA> I've put you down to take the notes and actions at the advisory group from now on, hope that's ok",
    '<@U_ANA> are you ok being the one who keeps tabs on when each operator delivers their timetable files?',
    '<@U_ANA> <@U_BEN> the readiness review needs a status slide from each of you: what is ready, what is at risk. by Weds',
  ])('reads "%s" as handing the work over', (text) => {
    expect(judge({ text })).toMatchObject({ flag: true, flagged: expect.arrayContaining(['U_ANA']) });
  });

  it('reads "I\'ll be the one herding …" as volunteering', () => {
    expectAnaVolunteers("ok I'll be the one herding the three suppliers on dates for the launch. someone has to");
  });
});

describe('polite and indirect asks, round five', () => {
  it.each([
    "<@U_ANA> you've been volunteered as the person keeping track of what we've spent on the pilot vs the 80k that got signed off. sorry not sorry",
    "<@U_ANA> y'all good to own the customer advisory board follow-ups? every customer gets a thank-you within a week",
    "<@U_ANA> you're grand to chair Thursday's go/no-go yeah?",
    '<@U_ANA> I wonder whether it might be possible for you to keep chasing the typesetter about the files?',
    "<@U_ANA> I'd be grateful if you'd take on organising those meetings — dates for the year, agendas, papers out a week ahead.",
    "<@U_ANA> can you go through the open POs and close the ones we don't need anymore?",
  ])('reads "%s" as handing the work over', (text) => {
    expect(judge({ text })).toMatchObject({ flag: true, flagged: ['U_ANA'] });
  });

  it.each([
    '<@U_ANA> ¿te encargás de pedir la cotización y la OC para las licencias?',
    '<@U_ANA> kun jij de kick-off met de leverancier inplannen? volgende week, 1 uur',
    '<@U_ANA> kan jy asseblief die vendor contract vir Sea Point invul voor Vrydag?',
    '<@U_ANA> ni neng fa yi xia meeting invite gei the supplier team ma?',
  ])('reads "%s" as a request', (text) => {
    expectAsksAna(text);
  });

  it.each(['I go handle the scanner vendor chase, make una no worry', 'je prends la relance du fournisseur pour les pénalités', 'Bancame, yo me ocupo de las órdenes de compra de la productora'])(
    'reads "%s" as volunteering',
    (text) => {
      expectAnaVolunteers(text);
    },
  );
});

describe('standups as lists with a title', () => {
  it('reads a titled list of work done as a standup', () => {
    const v = judge({ text: 'Gwen, Weds:\n- chaired the programme board\n- chased finance again on the capex approval\n- sent the quarterly status to the exec team\nno blockers, just meetings', author: 'U_ANA' });
    expect(v).toMatchObject({ kind: 'standup', flag: true });
  });

  it('reads ticks inside a line as items', () => {
    const v = judge({ text: 'Mon update ✔ vendor SOW countersigned ✔ moved the build window in the plan ✔ emailed everyone the new dates', author: 'U_ANA' });
    expect(v).toMatchObject({ kind: 'standup', flag: true });
  });

  it('does not read a titled list of things to come as a standup', () => {
    expect(judge({ text: 'Offsite agenda\n- intro from the CEO\n- roadmap walkthrough\n- Q&A with the squads\nall good', author: 'U_ANA' }).kind).not.toBe('standup');
  });
});
