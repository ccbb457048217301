import { classify } from '../../src/core/classifier';
import { mayNameSomeone } from '../../src/core/classifier/slack-content';
import { needsThreadParent, noteOfParent, ticketOf } from '../../src/features/nudges/message-context';

const roles = { U_ANA: 'product', U_RAJ: 'project', U_LEAD: 'engineering' } as const;
const reply = { ts: '2.2', threadTs: '1.1' };

describe('when the directory is worth reading', () => {
  it.each([
    ['Assignee: Ana Souza', true],
    ['can you ask @Ana about the venue?', true],
    ['can you ask @ana about the venue?', true],
    ['write to ana@example.com about the venue', false],
    ['*Assigned to:* José Álvarez', true],
    ['<@U_ANA> can you book the room?', false],
    ['Book rooms and send invites', false],
    ['mention label <@U_ANA|Ana Souza> only', false],
    ['Could the RAID be refreshed by Luiza before the QBR?', true],
    ['Diego, can you run the steering meeting?', true],
    ['kev pls update the RAID', true],
    // Every way the classifier resolves an addressed first name is worth the directory (its own test decides).
    ['Sunil bhai, can you update the timeline?', true],
    ['Owen to own the dependency tracker', true],
    ['the room is booked for thursday', false],
  ])('%s → %s', (text, expected) => {
    expect(mayNameSomeone(text)).toBe(expected);
  });
});

describe('when a reply needs its thread parent', () => {
  const judge = (text: string) => classify({ text, author: 'U_LEAD', roles });

  it('asks for it when a reply asks a product manager something but names no work', () => {
    expect(needsThreadParent(reply, judge('<@U_ANA> can you own this?'), roles)).toBe(true);
    // Asking nobody by name, in a thread a product manager started (or whose author is not known).
    expect(needsThreadParent({ ...reply, parentUserId: 'U_ANA' }, judge('can you own this?'), roles)).toBe(true);
    expect(needsThreadParent(reply, judge('can you own this?'), roles)).toBe(true);
  });

  it('does without it otherwise', () => {
    expect(needsThreadParent({ ts: '1.1', threadTs: '1.1' }, judge('<@U_ANA> can you own this?'), roles)).toBe(false);
    expect(needsThreadParent({ ts: '1.1' }, judge('<@U_ANA> can you own this?'), roles)).toBe(false);
    expect(needsThreadParent(reply, judge('<@U_ANA> can you book the retro room?'), roles)).toBe(false);
    expect(needsThreadParent(reply, judge('<@U_ANA> can you write the PRD?'), roles)).toBe(false);
    expect(needsThreadParent(reply, judge('<@U_RAJ> can you own this?'), roles)).toBe(false);
    expect(needsThreadParent({ ...reply, parentUserId: 'U_LEAD' }, judge('can you own this?'), roles)).toBe(false);
    expect(needsThreadParent(reply, judge('thanks <@U_ANA>!'), roles)).toBe(false);
  });
});

describe('what is kept of a thread parent', () => {
  it('keeps its author and work phrases, not its words', () => {
    const note = noteOfParent(classify, { text: 'The launch checklist is out of date and nobody is chasing the vendor invoices', userId: 'U_ANA', fromBot: false }, {});
    expect(note.author).toBe('U_ANA');
    expect(note.work).toContain('vendor invoices');
    expect(note.work).not.toMatch(/out of date|nobody/);
    // The phrases are enough for the classifier to judge the reply as it would with the parent itself.
    const judged = classify({ text: 'can you own this?', author: 'U_LEAD', roles, parent: { text: note.work, author: note.author } });
    expect(judged).toMatchObject({ flag: true, flagged: ['U_ANA'] });
  });

  it('keeps nothing of a parent that names no work', () => {
    expect(noteOfParent(classify, { text: 'lunch at noon?', userId: 'U_LEAD', fromBot: false }, {}).work).toBe('');
  });
});

describe('which ticket an app post is about', () => {
  it('reads the key, else the title link without what varies', () => {
    expect(ticketOf({ text: '' }, 'Reminder: *OPS-31 Book rooms* is due')).toBe('key:OPS-31');
    const attachments = [{ title: 'Book rooms', title_link: 'https://tracker.example/t/9?focus=comment#c2' }];
    expect(ticketOf({ text: '', attachments }, 'Reminder: *Book rooms* is due')).toBe('link:https://tracker.example/t/9');
    expect(ticketOf({ text: 'Reminder: book rooms' }, 'Reminder: book rooms')).toBeUndefined();
  });

  it('takes no standard, quarter or other ticket named in passing for the post\'s ticket', () => {
    for (const notATicket of ['UTF-8', 'ISO-8601', 'COVID-19', 'SHA-256', 'RFC-7231', 'Q3-2026']) {
      expect(ticketOf({ text: '' }, `*Convert the export to ${notATicket}*`)).toBeUndefined();
    }
    // Two different tasks that both mention another ticket are two tickets.
    const task = (title: string, id: number) => {
      const attachments = [{ title, title_link: `https://tracker.example/t/${id}`, text: 'blocked on OPS-9 until the vendor answers' }];
      return ticketOf({ text: '', attachments }, `*${title}*\nblocked on OPS-9 until the vendor answers`);
    };
    expect(task('Book the venue', 12)).toBe('link:https://tracker.example/t/12');
    expect(task('Chase the caterer', 13)).toBe('link:https://tracker.example/t/13');
  });

  it('reads the key in a bold title line or in the link to the ticket', () => {
    expect(ticketOf({ text: 'Due date reminder' }, 'Due date reminder\n*<https://x.atlassian.net/browse/PMO-330|Send the status deck>*')).toBe('key:PMO-330');
    expect(ticketOf({ text: '' }, 'Issue assigned\n*PLAT2-915 Update the capacity sheet*\nStatus: To Do')).toBe('key:PLAT2-915');
  });
});
