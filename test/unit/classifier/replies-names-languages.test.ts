import { classify } from '../../../src/core/classifier';
import type { ClassifyInput, Role } from '../../../src/core/types';

/**
 * A yes in a thread, people addressed by first name, asking in the languages teams mix into English,
 * approval requests from workflow apps, and standups without a section layout. Written for these
 * tests (not taken from any corpus batch).
 */
const roles: Record<string, Role> = { U_ANA: 'product', U_BEN: 'product', U_RAJ: 'project', U_LEAD: 'engineering', U_APP: 'other' };
const names = { U_ANA: 'Ana Souza', U_BEN: 'Ben Okafor', U_RAJ: 'Raj Patel', U_LEAD: 'Lee Morgan' };

function judge(input: Partial<ClassifyInput> & { text: string }) {
  return classify({ author: 'U_LEAD', roles, ...input });
}

describe('a yes in a thread', () => {
  const parent = { text: '<@U_ANA> can you send the updated timeline to the partner team today? they asked twice', author: 'U_RAJ' };

  it.each(['sure, sending after lunch', 'ok fine', 'on it :+1:', 'claro, np', 'mach ich', 'booking it now', 'ugh ok, doing it now'])(
    'takes "%s" from the person asked as taking the parent\'s work on',
    (text) => {
      const v = judge({ text, author: 'U_ANA', parent });
      expect(v).toMatchObject({ kind: 'assignment', flag: true, assignees: ['U_ANA'], flagged: ['U_ANA'], work: 'project' });
      expect(v.reasons.join('\n')).toMatch(/says yes to what the thread's parent asked|work named in the thread's parent/);
    },
  );

  it.each(["can't today, sorry", 'not my thing, ask Raj', 'done, sent it this morning', 'why me?', 'no'])('does not take "%s" for a yes', (text) => {
    expect(judge({ text, author: 'U_ANA', parent }).flag).toBe(false);
  });

  it('does not give the work to someone the parent did not ask', () => {
    expect(judge({ text: 'sure', author: 'U_BEN', parent }).flag).toBe(false);
  });

  it('takes a volunteer under an open ask as taking the work on', () => {
    const open = { text: 'who can sort the hotel and shuttle for the partner visit next week? 6 people', author: 'U_RAJ' };
    expect(judge({ text: 'I can', author: 'U_ANA', parent: open })).toMatchObject({ flag: true, assignees: ['U_ANA'] });
  });

  it('leaves a yes to product work unflagged', () => {
    const product = { text: '<@U_ANA> can you run two more churn interviews this week?', author: 'U_LEAD' };
    expect(judge({ text: 'sure', author: 'U_ANA', parent: product }).flag).toBe(false);
  });
});

describe('a person addressed by first name', () => {
  it.each(['Ana, can you book the room for the quarterly steering meeting?', 'hey Ana — please chase the vendor for the signed SOW', 'Ana can you update the RAID log?'])(
    'resolves "%s" to the one Ana in the directory',
    (text) => {
      expect(judge({ text, names })).toMatchObject({ flag: true, flagged: ['U_ANA'] });
    },
  );

  it('does not resolve a first name two people share', () => {
    const shared = { ...names, U_ANA2: 'Ana Lima' };
    expect(judge({ text: 'Ana, can you book the room for the steering meeting?', names: shared, roles: { ...roles, U_ANA2: 'product' } }).flag).toBe(false);
  });

  it('does not take a first name in the middle of a sentence for an address', () => {
    expect(judge({ text: 'I told Ana the room is booked for the steering meeting', names }).flag).toBe(false);
  });
});

describe('asking in the languages teams mix into English', () => {
  it.each([
    '<@U_ANA> kannst du bitte die Agenda für den steering committee meeting rumschicken?',
    '<@U_ANA> porfa me ayudas con los invites del sprint review? the external ones',
    '<@U_ANA> the steering group minutes from Friday are yet to be circulated. Kindly do the needful.',
  ])('reads "%s" as a request', (text) => {
    expect(judge({ text })).toMatchObject({ kind: 'assignment', flag: true, flagged: ['U_ANA'] });
  });
});

describe('workflow approval requests', () => {
  it('gives the approval to the person the app asks', () => {
    const v = judge({
      text: '',
      author: 'U_APP',
      fromBot: true,
      attachments: [{ pretext: 'Approval requested from <@U_ANA>', title: 'REQ0021877 - Purchase: licence renewal for the design team', text: 'Please review and approve the software licence renewal.' }],
    });
    expect(v).toMatchObject({ kind: 'assignment', flag: true, assignees: ['U_ANA'] });
  });

  it('reads an assignee change as a hand-over to the new assignee', () => {
    const v = judge({
      text: '',
      author: 'U_APP',
      fromBot: true,
      names,
      attachments: [{ pretext: '*Raj Patel* changed the assignee of an issue', title: 'OPS-12: Renew the data processing agreement with the vendor', fields: [{ title: 'Assignee', value: 'Ana Souza', short: true }, { title: 'Status', value: 'To Do', short: true }] }],
    });
    expect(v).toMatchObject({ kind: 'assignment', flag: true, assignees: ['U_ANA'] });
  });
});

describe('standups without a section layout', () => {
  it.each([
    'update from me: off tomorrow, today finishing the planning day agenda + the budget vs actuals for the contractors',
    "today I'm only doing launch logistics: booking the war room, sending the invites, the catering order and the on-call rota",
    'ayer: board cleanup and statuses in the tracker / hoy: sent the gantt to finance / bloqueos: nada',
  ])('reads "%s" as the author\'s standup', (text) => {
    const v = judge({ text, author: 'U_ANA' });
    expect(v.kind).toBe('standup');
    expect(v.flag).toBe(true);
  });
});
