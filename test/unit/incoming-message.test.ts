import { readIncomingMessage } from '../../src/slack/incoming-message';

const bot = { botUserId: 'UBOT', botId: 'BBOT' };
const NOW = 1_700_000_000_000;

function envelope(event: Record<string, unknown>, extra: Record<string, unknown> = {}) {
  return { type: 'event_callback', team_id: 'T1', event_id: 'Ev1', event: { type: 'message', channel: 'C1', ...event }, ...extra };
}

describe('reading an incoming message event', () => {
  it('queues a person’s message under its identity (team, channel, ts)', () => {
    const decision = readIncomingMessage(envelope({ user: 'U1', text: 'hi <@U2>', ts: '1700000000.000100', channel_type: 'channel' }), bot, NOW);
    expect(decision).toMatchObject({
      action: 'enqueue',
      jobId: 'msg_T1_C1_1700000000.000100',
      payload: { teamId: 'T1', channelId: 'C1', userId: 'U1', ts: '1700000000.000100', edited: false, receivedAt: NOW },
    });
  });

  it('carries an Enterprise Grid organization along, so the worker finds the right installation', () => {
    const event = { user: 'U1', text: 'hi', ts: '1700000000.000150' };
    const grid = readIncomingMessage(envelope(event, { enterprise_id: 'E1' }), bot, NOW);
    expect(grid).toMatchObject({ action: 'enqueue', payload: { teamId: 'T1', enterpriseId: 'E1' } });
    // Outside a grid Slack sends no enterprise (or null): the message is still queued, without one.
    const plain = readIncomingMessage(envelope(event, { enterprise_id: null }), bot, NOW);
    expect(plain.action === 'enqueue' && plain.payload.enterpriseId).toBeUndefined();
    expect(plain.action).toBe('enqueue');
  });

  it('reads a Slack Connect message under the workspace that installed the app, not the host organisation', () => {
    const event = { user: 'U1', text: 'hi', ts: '1700000000.000170' };
    const shared = readIncomingMessage(
      envelope(event, { team_id: 'THOST', context_team_id: 'TOURS', authorizations: [{ team_id: 'TOURS', enterprise_id: null, user_id: 'UBOT', is_bot: true }] }),
      bot,
      NOW,
    );
    expect(shared).toMatchObject({ action: 'enqueue', jobId: 'msg_TOURS_C1_1700000000.000170', payload: { teamId: 'TOURS' } });
    // An org-wide install's authorization names the org; the event's own workspace is the one.
    const orgWide = readIncomingMessage(envelope(event, { authorizations: [{ team_id: null, enterprise_id: 'E1', is_enterprise_install: true }] }), bot, NOW);
    expect(orgWide).toMatchObject({ action: 'enqueue', payload: { teamId: 'T1', enterpriseId: 'E1' } });
  });

  it('gives a duplicate delivery with another event_id the same job id', () => {
    const event = { user: 'U1', text: 'hello', ts: '1700000000.000200' };
    const first = readIncomingMessage(envelope(event, { event_id: 'EvA' }), bot, NOW);
    const second = readIncomingMessage(envelope(event, { event_id: 'EvB' }), bot, NOW + 5);
    const mention = readIncomingMessage(envelope({ ...event, type: 'app_mention' }, { event_id: 'EvC' }), bot, NOW);
    expect(first.action === 'enqueue' && first.jobId).toBe(second.action === 'enqueue' && second.jobId);
    expect(first.action === 'enqueue' && first.jobId).toBe(mention.action === 'enqueue' && mention.jobId);
  });

  it('keeps other apps’ posts (trackers, standup bots)', () => {
    const decision = readIncomingMessage(
      envelope({ subtype: 'bot_message', bot_id: 'BJIRA', text: '*Ravi* assigned *OPS-12* to <@U2>', ts: '1700000000.000300' }),
      bot,
      NOW,
    );
    expect(decision).toMatchObject({ action: 'enqueue', payload: { botId: 'BJIRA' } });
  });

  it('drops the bot’s own posts and edits of them', () => {
    expect(readIncomingMessage(envelope({ bot_id: 'BBOT', user: 'UBOT', text: 'tip', ts: '1.1' }), bot, NOW)).toEqual({
      action: 'drop',
      reason: 'own post',
    });
    const ownEdit = envelope({
      subtype: 'message_changed',
      ts: '2.2',
      message: { bot_id: 'BBOT', text: 'tip edited', ts: '1.1', edited: { ts: '2.2' } },
      previous_message: { text: 'tip' },
    });
    expect(readIncomingMessage(ownEdit, bot, NOW)).toEqual({ action: 'drop', reason: 'edit of own post' });
  });

  it('drops joins, deletions and other housekeeping', () => {
    for (const subtype of ['channel_join', 'channel_leave', 'message_deleted', 'channel_topic']) {
      expect(readIncomingMessage(envelope({ subtype, user: 'U1', ts: '1.1', text: 'x' }), bot, NOW)).toMatchObject({ action: 'drop' });
    }
  });

  it('queues a real edit under its own id and ignores edits that did not change the text', () => {
    const edit = envelope({
      subtype: 'message_changed',
      ts: '1700000050.000000',
      message: { user: 'U1', text: 'please book the room', ts: '1700000000.000100', edited: { ts: '1700000050.000000' } },
      previous_message: { text: 'please book a room' },
    });
    expect(readIncomingMessage(edit, bot, NOW)).toMatchObject({
      action: 'enqueue',
      jobId: 'edit_T1_C1_1700000000.000100_1700000050.000000',
      payload: { edited: true, text: 'please book the room' },
    });
    const unfurl = envelope({
      subtype: 'message_changed',
      ts: '1700000050.000000',
      message: { user: 'U1', text: 'same', ts: '1700000000.000100' },
      previous_message: { text: 'same' },
    });
    expect(readIncomingMessage(unfurl, bot, NOW)).toEqual({ action: 'drop', reason: 'text unchanged' });
  });

  it('reports a malformed payload by field, without its values', () => {
    const decision = readIncomingMessage({ team_id: 'T1', event: { type: 'message', channel: 'C1', ts: 'yesterday', text: 'secret words' } }, bot, NOW);
    expect(decision.action).toBe('malformed');
    expect(JSON.stringify(decision)).not.toContain('secret words');
    expect(readIncomingMessage({ nonsense: true }, bot, NOW).action).toBe('malformed');
    expect(readIncomingMessage(null, bot, NOW).action).toBe('malformed');
  });
});

describe('reading what an app or a person posted beyond the text', () => {
  const tracker = {
    subtype: 'bot_message',
    bot_id: 'BJIRA',
    text: '',
    ts: '1700000000.000400',
    attachments: [{ pretext: 'Lee assigned a task to <@U2>', title: 'OPS-31 Book rooms and send invites', title_link: 'https://tracker.example/OPS-31' }],
  };

  it('queues an app post whose content is only in attachments, with its attachments', () => {
    const decision = readIncomingMessage(envelope(tracker), bot, NOW);
    expect(decision).toMatchObject({ action: 'enqueue', payload: { text: '', attachments: tracker.attachments } });
  });

  it('still drops a message with nothing to read', () => {
    expect(readIncomingMessage(envelope({ ...tracker, attachments: [] }), bot, NOW)).toEqual({ action: 'drop', reason: 'no text' });
  });

  it('leaves link previews out: the linked page is not the message', () => {
    const unfurled = { ...tracker, text: 'see this', attachments: [{ from_url: 'https://news.example/a', title: 'Book the venue now' }] };
    const decision = readIncomingMessage(envelope(unfurled), bot, NOW);
    expect(decision.action === 'enqueue' && decision.payload.attachments).toBeUndefined();
    // An edit that only added the preview is not judged again.
    const edit = envelope({
      subtype: 'message_changed',
      ts: '1700000050.000000',
      message: { user: 'U1', text: 'see this', ts: '1700000000.000100', attachments: unfurled.attachments },
      previous_message: { text: 'see this', attachments: [] },
    });
    expect(readIncomingMessage(edit, bot, NOW)).toEqual({ action: 'drop', reason: 'text unchanged' });
  });

  it('judges an app’s edit that changed only its attachments again', () => {
    const edit = envelope({
      subtype: 'message_changed',
      ts: '1700000050.000000',
      message: { bot_id: 'BJIRA', text: '', ts: '1700000000.000400', attachments: [{ title: 'OPS-31', text: 'Assignee: <@U2>' }] },
      previous_message: { text: '', attachments: [{ title: 'OPS-31', text: 'Assignee: <@U3>' }] },
    });
    expect(readIncomingMessage(edit, bot, NOW)).toMatchObject({ action: 'enqueue', payload: { edited: true } });
  });

  it('bounds what a job carries: Slack’s own counts, and a budget of characters', () => {
    const huge = 'x'.repeat(40 * 1024);
    const many = Array.from({ length: 80 }, (_v, i) => ({ type: 'section', text: { type: 'mrkdwn', text: `line ${i}` } }));
    const decision = readIncomingMessage(
      envelope({ user: 'U1', text: 'hi', ts: '1700000000.000500', blocks: many, attachments: [{ text: huge }, { text: huge }] }),
      bot,
      NOW,
    );
    if (decision.action !== 'enqueue') throw new Error(decision.action);
    expect(decision.payload.blocks).toHaveLength(50);
    expect(decision.payload.attachments).toHaveLength(1);
    expect(JSON.stringify(decision.payload).length).toBeLessThan(70 * 1024);
  });

  it('carries the thread parent’s author for a reply, and only for a reply', () => {
    const reply = readIncomingMessage(envelope({ user: 'U1', text: 'can you own this?', ts: '1700000000.000700', thread_ts: '1700000000.000600', parent_user_id: 'U9' }), bot, NOW);
    expect(reply).toMatchObject({ action: 'enqueue', payload: { threadTs: '1700000000.000600', parentUserId: 'U9' } });
    const top = readIncomingMessage(envelope({ user: 'U1', text: 'hello', ts: '1700000000.000600', thread_ts: '1700000000.000600', parent_user_id: 'U1' }), bot, NOW);
    expect(top.action === 'enqueue' && top.payload.parentUserId).toBeUndefined();
  });
});
