import { classify, createClassifier } from '../../../src/core/classifier';
import { MAX_JUDGED_CHARS, renderMessage, resolveNames } from '../../../src/core/classifier/slack-content';
import { ROLES_MAP } from './helpers';

const roles = { ...ROLES_MAP, U_JIRA: 'other' as const };

describe('what an app post carries', () => {
  it('reads a tracker post whose text is empty and whose content is in attachments', () => {
    const v = classify({
      text: '',
      author: 'U_JIRA',
      fromBot: true,
      roles,
      attachments: [
        {
          fallback: 'OPS-31 assigned',
          pretext: 'Issue assigned',
          title: 'OPS-31: Book rooms and send the invites for the QBR',
          fields: [
            { title: 'Assignee', value: '<@U_ANA>', short: true },
            { title: 'Status', value: 'To Do', short: true },
          ],
        },
      ],
    });
    expect(v).toMatchObject({ kind: 'assignment', assignees: ['U_ANA'], flag: true });
    expect(v.categories[0]).toBe('meeting_logistics');
  });

  it('reads section text and fields, whose label and value sit on two lines', () => {
    const v = classify({
      text: 'New task',
      author: 'U_JIRA',
      fromBot: true,
      roles,
      blocks: [
        { type: 'header', text: { type: 'plain_text', text: 'Reconcile the contractor invoices' } },
        { type: 'section', fields: [{ type: 'mrkdwn', text: '*Assignee:*\n<@U_ANA>' }, { type: 'mrkdwn', text: '*Due:*\nFriday' }] },
        { type: 'actions', elements: [{ type: 'button', text: { type: 'plain_text', text: 'Open' } }] },
      ],
    });
    expect(v).toMatchObject({ kind: 'assignment', assignees: ['U_ANA'], flag: true, categories: ['budget_tracking'] });
  });

  it("reads a person's rich text with its user mentions, and says nothing twice when text repeats it", () => {
    const blocks = [
      {
        type: 'rich_text',
        elements: [
          {
            type: 'rich_text_section',
            elements: [
              { type: 'user', user_id: 'U_ANA' },
              { type: 'text', text: ' could you update the ' },
              { type: 'text', text: 'gantt', style: { bold: true } },
              { type: 'text', text: ' today?' },
            ],
          },
        ],
      },
    ];
    expect(classify({ text: '', author: 'U_LEAD', roles, blocks })).toMatchObject({ kind: 'assignment', flag: true, categories: ['schedule'] });
    expect(renderMessage({ text: '<@U_ANA> could you update the *gantt* today?', blocks }).text).toBe('<@U_ANA> could you update the *gantt* today?');
  });

  it('skips shapes it does not know instead of failing', () => {
    const odd = [null, 3, 'x', { type: 'section', text: 42 }, { type: 'rich_text', elements: [{ type: 'rich_text_list', elements: 'no' }] }];
    expect(() => classify({ text: 'hi', blocks: odd, attachments: odd })).not.toThrow();
  });
});

describe('people named by plain name', () => {
  const names = { U_ANA: 'Ana Souza', U_RAJ: 'Raj Patel', U_LEAD: 'Lee Morgan' };

  it('credits a tracker assignment to a person named, not mentioned', () => {
    const v = classify({ text: '*Chase legal for the signed NDA*\nAssignee: Ana Souza', author: 'U_JIRA', fromBot: true, roles, names });
    expect(v).toMatchObject({ kind: 'assignment', assignees: ['U_ANA'], flag: true });
  });

  it('reads "@Ana Souza" typed as text as a mention', () => {
    expect(classify({ text: '@Ana Souza can you book the room for the retro?', author: 'U_LEAD', roles, names })).toMatchObject({ flag: true, assignees: ['U_ANA'] });
  });

  it('leaves names alone without a directory, and never rewrites a link or a mention label', () => {
    expect(classify({ text: 'Ana Souza can you book the room for the retro?', author: 'U_LEAD', roles })).toMatchObject({ flag: false });
    expect(resolveNames('see <https://x.test/ana|Ana Souza> and <@U_RAJ|Raj Patel>', names)).toBe('see <https://x.test/ana|Ana Souza> and <@U_RAJ|Raj Patel>');
  });

  it('resolves nobody for a full name two people share, as for a shared first name', () => {
    const twoAnas = { U_ANA: 'Ana Souza', U_ANA2: 'Ana Souza', U_RAJ: 'Raj Patel' };
    expect(resolveNames('Assignee: Ana Souza, reviewer: Raj Patel', twoAnas)).toBe('Assignee: Ana Souza, reviewer: <@U_RAJ>');
    expect(classify({ text: '@Ana Souza can you book the room for the retro?', author: 'U_LEAD', roles, names: twoAnas })).toMatchObject({ flag: false });
  });

  it('reads the person a tracker links in an assignee field, and no other link label', () => {
    expect(resolveNames('*Assignee:* <https://x.test/u/9|Ana Souza>', names)).toBe('*Assignee:* <@U_ANA>');
    expect(resolveNames('Assignees: <https://x.test/u/9|Ana Souza>, <https://x.test/u/7|Raj Patel>', names)).toBe('Assignees: <@U_ANA>, <@U_RAJ>');
    expect(resolveNames('Reporter: <https://x.test/u/9|Ana Souza>', names)).toBe('Reporter: <https://x.test/u/9|Ana Souza>');
    const v = classify({ text: '*Book the venue for the offsite*\nAssignee: <https://tracker.test/people/9|Ana Souza>', author: 'U_JIRA', fromBot: true, roles, names });
    expect(v).toMatchObject({ kind: 'assignment', assignees: ['U_ANA'], flag: true });
  });

  it('keeps the old readings: any case for full names, names among punctuation, first names after "@" or with a capital', () => {
    const more = { ...names, U_MJ: "Mary-Jane O'Brien", U_ZED: 'Zed' };
    expect(resolveNames("(Ana Souza's task) and ana souza, then Raj\nPatel", more)).toBe("(<@U_ANA>'s task) and <@U_ANA>, then <@U_RAJ>");
    expect(resolveNames("ask Ana, @Ana or @Mary-Jane; cc Mary-Jane O'Brien and @zed", more)).toBe("ask <@U_ANA>, <@U_ANA> or <@U_MJ>; cc <@U_MJ> and <@U_ZED>");
    // A first name in lower case in prose is a word, not a person ("ask ana" is left alone).
    expect(resolveNames('we could ask ana about it', more)).toBe('we could ask ana about it');
    expect(resolveNames('x@Ana Souza, Ana_Souza, Ana Souza_x, <@U_RAJ> Raj', more)).toBe('x@Ana Souza, Ana_Souza, Ana Souza_x, <@U_RAJ> Raj');
  });

  it('costs little on a large directory and a long message (the message decides the cost, not the directory)', () => {
    const big: Record<string, string> = { U_ANA: 'Ana Souza' };
    for (let i = 0; i < 10_000; i += 1) big[`U${String(i).padStart(6, '0')}`] = `Person${i} Surname${i % 997}`;
    const sentence = 'Assignee: Ana Souza. Please Book The Room and Send Invites for the Quarterly Review with @Lee and Priya Raman. ';
    const message = sentence.repeat(Math.ceil(MAX_JUDGED_CHARS / sentence.length)).slice(0, MAX_JUDGED_CHARS);
    const timed = (text: string): number => {
      const start = performance.now();
      expect(resolveNames(text, big)).toContain('Assignee: <@U_ANA>.');
      return performance.now() - start;
    };
    // The first call indexes the directory (a regex of every name took over a second).
    expect(timed(message)).toBeLessThan(1000);
    // Then each 8,000-character message takes milliseconds (15–25 ms on a busy two-core machine; it
    // took seconds): the bound catches that kind of slip without failing on a loaded machine.
    expect(Math.min(timed(`${message} 1`), timed(`${message} 2`), timed(`${message} 3`))).toBeLessThan(100);
  });
});

describe('thread replies', () => {
  const parent = { text: 'The vendor still has not sent the signed SOW, and the renewal lapses Friday.', author: 'U_LEAD' };

  it('judges a reply that asks a product manager but names no work against the thread parent', () => {
    const v = classify({ text: '<@U_ANA> can you own this?', author: 'U_LEAD', roles, parent });
    expect(v).toMatchObject({ kind: 'assignment', flag: true, assignees: ['U_ANA'] });
    expect(v.categories[0]).toBe('vendor_admin');
    expect(v.reasons.some((r) => r.startsWith("work named in the thread's parent"))).toBe(true);
  });

  it('addresses a bare "mind taking it?" to whoever started the thread', () => {
    const v = classify({ text: 'mind taking it?', author: 'U_LEAD', roles, parent: { text: 'the status deck for the steerco is not started', author: 'U_ANA' } });
    expect(v).toMatchObject({ kind: 'assignment', flag: true, assignees: ['U_ANA'] });
  });

  it('does not borrow the parent when the reply names its own work', () => {
    expect(classify({ text: '<@U_ANA> can you draft the PRD?', author: 'U_LEAD', roles, parent })).toMatchObject({ flag: false, work: 'product' });
  });
});

describe('long and hostile input', () => {
  it('judges a very long message on a bounded prefix and says so', () => {
    const text = `<@U_ANA> please book the retro room. ${'blah '.repeat(1_200_000)}`;
    const v = classify({ text, author: 'U_LEAD', roles });
    expect(v.flag).toBe(true);
    expect(v.reasons[0]).toBe(`long message: judged on its first ${MAX_JUDGED_CHARS.toLocaleString('en-US')} of ${text.length.toLocaleString('en-US')} characters`);
  });

  it('does not crash on deep nesting or a huge list of blocks', () => {
    let deep: Record<string, unknown> = { type: 'rich_text_section', elements: [{ type: 'text', text: 'x' }] };
    for (let i = 0; i < 10_000; i++) deep = { type: 'rich_text_list', elements: [deep] };
    const many = Array.from({ length: 100_000 }, () => ({ type: 'section', text: { type: 'mrkdwn', text: '<@U_ANA> chase the vendor' } }));
    expect(() => classify({ text: '', blocks: [{ type: 'rich_text', elements: [deep] }, ...many], roles })).not.toThrow();
  });
});

describe('any input at all', () => {
  // A deterministic stream of odd inputs: Slack tokens, markup, emoji, half-formed blocks, names, word lists.
  const atoms = ['<@U_ANA>', '<@U_RAJ|raj>', '<!here>', '&gt; ', '>>>', '*', '_', '`', '```', ':white_check_mark:', '✅', '•', '\n', 'can you', 'book', 'assigned to', 'Assignee:', '<', '>', '|', '"', '→', '£', 'ignore this', '?', '🎉', '\u200d', '<https://a.b|label>', 'commented on', 'yesterday:'];
  let seed = 7;
  const rnd = (): number => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff;
  const pick = <T,>(list: readonly T[]): T => list[Math.floor(rnd() * list.length)];
  const anyJson = (depth: number): unknown => {
    const r = rnd();
    if (depth > 3 || r < 0.3) return pick<unknown>(['x', 1, null, true, [], {}, pick(atoms)]);
    if (r < 0.6) return Array.from({ length: Math.floor(rnd() * 4) }, () => anyJson(depth + 1));
    const out: Record<string, unknown> = {};
    for (const key of ['type', 'text', 'elements', 'fields', 'title', 'value', 'user_id', 'style', 'pretext', 'fallback', 'blocks']) {
      if (rnd() < 0.5) out[key] = key === 'type' ? pick(['section', 'rich_text', 'rich_text_section', 'rich_text_list', 'rich_text_quote', 'context', 'header', 'user', 'text', 'link']) : anyJson(depth + 1);
    }
    return out;
  };

  it('gives a verdict for 2,000 odd inputs without throwing', () => {
    for (let i = 0; i < 2000; i++) {
      const text = Array.from({ length: Math.floor(rnd() * 30) }, () => pick(atoms)).join(rnd() < 0.5 ? ' ' : '');
      const input = {
        text,
        author: pick(['U_ANA', 'U_LEAD', undefined]),
        roles,
        fromBot: rnd() < 0.3,
        blocks: rnd() < 0.3 ? [anyJson(0), anyJson(0)] : undefined,
        attachments: rnd() < 0.3 ? [anyJson(0)] : undefined,
        parent: rnd() < 0.2 ? { text: `${pick(atoms)} ${text.slice(0, 40)}`, author: 'U_LEAD', blocks: [anyJson(0)] } : undefined,
        names: rnd() < 0.2 ? { U_ANA: 'Ana Souza', U_X: pick(atoms) } : undefined,
        words: rnd() < 0.1 ? { project: [pick(atoms), { phrase: pick(atoms), category: 'nope' }], notProject: [pick(atoms)] } : undefined,
      };
      expect(typeof classify(input).flag).toBe('boolean');
    }
  });
});

describe('workspace word lists', () => {
  it('counts a listed phrase as project work and names the list in the reasons', () => {
    const mine = createClassifier({ words: { project: ['juggle the plates'] } });
    const v = mine({ text: '<@U_ANA> can you juggle the plates before Friday?', author: 'U_LEAD', roles });
    expect(v).toMatchObject({ flag: true, categories: ['follow_up'] });
    expect(v.reasons).toContain('follow_up (workspace word list): "juggle the plates"');
    expect(classify({ text: '<@U_ANA> can you juggle the plates before Friday?', author: 'U_LEAD', roles }).flag).toBe(false);
  });

  it('never counts a phrase listed as not project work, and says why', () => {
    const input = { text: '<@U_ANA> can you update the launch tracker?', author: 'U_LEAD', roles };
    const words = { notProject: ['launch tracker'] };
    expect(classify(input).flag).toBe(true);
    const v = classify({ ...input, words });
    expect(v.flag).toBe(false);
    expect(v.reasons).toContain('not project work (workspace word list): "launch tracker"');
  });

  it('takes a category for a listed phrase', () => {
    const v = classify({ text: '<@U_ANA> please do the pulse check', author: 'U_LEAD', roles, words: { project: [{ phrase: 'pulse check', category: 'status_reporting' }] } });
    expect(v).toMatchObject({ flag: true, categories: ['status_reporting'] });
  });
});

describe('a standup app that posts its answers as attachment fields', () => {
  it("credits the update to the person it names and counts each answer's items", () => {
    const v = classify({
      text: '',
      author: 'U_GEEKBOT',
      fromBot: true,
      roles,
      names: { U_ANA: 'Ana Souza' },
      attachments: [
        {
          title: 'Ana Souza posted an update for Daily Standup',
          fields: [
            { title: 'What did you do since yesterday?', value: '• updated the release timeline\n• chased legal on the DPA' },
            { title: 'What will you do today?', value: '• book the room for sprint planning\n• customer interview with Acme' },
            { title: 'Anything blocking your progress?', value: 'no' },
          ],
        },
      ],
    });
    expect(v).toMatchObject({ kind: 'standup', assignees: ['U_ANA'], flag: true, projectShare: 0.75 });
    expect(v.items).toHaveLength(4);
  });
});
