import { PassThrough, Readable } from 'node:stream';
import { runCli } from '../../src/cli';
import { parseCheckArgs, runCheck } from '../../src/cli/check';
import { classifyLine, runClassify } from '../../src/cli/classify';
import type { CliIo } from '../../src/cli/io';

function capture(): { stream: PassThrough; text: () => string } {
  const stream = new PassThrough();
  const chunks: Buffer[] = [];
  stream.on('data', (c: Buffer) => chunks.push(c));
  return { stream, text: () => Buffer.concat(chunks).toString('utf8') };
}

function io(input: string | Readable): { io: CliIo; out: () => string; err: () => string } {
  const stdout = capture();
  const stderr = capture();
  const stdin = typeof input === 'string' ? Readable.from([input]) : input;
  return { io: { stdin, stdout: stdout.stream, stderr: stderr.stream }, out: stdout.text, err: stderr.text };
}

const ANA = { U_ANA: 'product' };

describe('lanekeeper classify', () => {
  it('writes one JSON line per input line, in order, in the documented shape', async () => {
    const lines = [
      { id: 'a', text: '<@U_ANA> please book the retro room', roles: ANA },
      { id: 'b', text: 'thanks everyone!' },
      { id: 'c', text: 'Y: updated the gantt\nT: chase legal\nB: none', author: 'U_ANA', roles: ANA },
    ];
    const t = io(lines.map((l) => JSON.stringify(l)).join('\n'));
    expect(await runClassify([], t.io)).toBe(0);
    const out = t.out().trimEnd().split('\n').map((l) => JSON.parse(l));
    expect(out.map((o) => o.id)).toEqual(['a', 'b', 'c']);
    expect(Object.keys(out[0])).toEqual(['id', 'kind', 'flag', 'assignees', 'work', 'categories', 'confidence', 'reasons']);
    expect(out[0]).toMatchObject({ kind: 'assignment', flag: true, assignees: ['U_ANA'], work: 'project', categories: ['meeting_logistics'] });
    expect(out[1]).toMatchObject({ kind: 'chatter', flag: false });
    expect(Object.keys(out[2])).toEqual(['id', 'kind', 'flag', 'assignees', 'work', 'categories', 'confidence', 'reasons', 'items', 'projectShare']);
    expect(out[2]).toMatchObject({ kind: 'standup', flag: true, projectShare: 1 });
  });

  it('answers a bad line with an error line that carries its input line number, and goes on', async () => {
    // Line 2 is blank: it is skipped, but it still counts, so the numbers match the file's.
    const input = ['not json', '', '{"id":"x"}', '{"text":"no id"}', '[1,2]', '{"id":"r","text":"hi","roles":{"U1":"boss"}}', '{"id":"b","text":"hi","blocks":"nope"}', '{"id":"ok","text":"hello"}'].join('\n');
    const t = io(input);
    expect(await runClassify([], t.io)).toBe(0);
    const out = t.out().trimEnd().split('\n').map((l) => JSON.parse(l));
    expect(out).toHaveLength(7);
    expect(out[0]).toEqual({ line: 1, error: expect.stringContaining('invalid JSON') });
    expect(out[1]).toEqual({ id: 'x', line: 3, error: expect.stringContaining('text') });
    expect(out[2]).toEqual({ line: 4, error: expect.stringContaining('id') });
    expect(out[3]).toEqual({ line: 5, error: expect.any(String) });
    expect(out[4]).toEqual({ id: 'r', line: 6, error: expect.stringContaining('roles.U1') });
    expect(out[5]).toEqual({ id: 'b', line: 7, error: expect.stringContaining('blocks') });
    expect(out[6]).toMatchObject({ id: 'ok', kind: 'chatter' });
  });

  it('takes the message as Slack sends it: blocks, attachments, a thread parent and a directory of names', async () => {
    const lines = [
      // A tracker post with an empty text and its content in attachments, naming the assignee by plain name.
      {
        id: 'app',
        text: '',
        author: 'U_JIRA',
        fromBot: true,
        roles: { U_ANA: 'product' },
        names: { U_ANA: 'Ana Souza' },
        attachments: [{ title: 'OPS-12: Book the venue for the QBR', fields: [{ title: 'Assignee', value: 'Ana Souza' }] }],
      },
      // A person's rich text, with the text left empty.
      {
        id: 'rich',
        text: '',
        roles: { U_ANA: 'product' },
        blocks: [{ type: 'rich_text', elements: [{ type: 'rich_text_section', elements: [{ type: 'user', user_id: 'U_ANA' }, { type: 'text', text: ' can you update the gantt?' }] }] }],
      },
      // A reply that names no work, judged against its parent.
      { id: 'reply', text: '<@U_ANA> can you own this?', author: 'U_LEAD', roles: { U_ANA: 'product' }, parent: { text: 'The RAID log is two weeks stale', author: 'U_LEAD' } },
    ];
    const t = io(lines.map((l) => JSON.stringify(l)).join('\n'));
    expect(await runClassify([], t.io)).toBe(0);
    const out = t.out().trimEnd().split('\n').map((l) => JSON.parse(l));
    expect(out[0]).toMatchObject({ id: 'app', kind: 'assignment', flag: true, assignees: ['U_ANA'] });
    expect(out[1]).toMatchObject({ id: 'rich', kind: 'assignment', flag: true, assignees: ['U_ANA'] });
    expect(out[2]).toMatchObject({ id: 'reply', kind: 'assignment', flag: true, assignees: ['U_ANA'] });
    expect(Object.keys(out[0])).toEqual(['id', 'kind', 'flag', 'assignees', 'work', 'categories', 'confidence', 'reasons']);
  });

  it('judges a 5.6 MB line on a bounded prefix instead of failing', () => {
    const text = `<@U_ANA> please book the retro room. ${'blah '.repeat(1_120_000)}`;
    const out = JSON.parse(classifyLine(JSON.stringify({ id: 'big', text, roles: ANA })));
    expect(out).toMatchObject({ id: 'big', flag: true });
    expect(out.reasons[0]).toMatch(/^long message: judged on its first 8,000 of 5,600,03\d characters$/);
  });

  it('skips blank lines and accepts CRLF line ends', async () => {
    const t = io('\n{"id":"1","text":"hi"}\r\n\r\n{"id":"2","text":"yo"}\r\n');
    await runClassify([], t.io);
    expect(t.out().trimEnd().split('\n').map((l) => JSON.parse(l).id)).toEqual(['1', '2']);
  });

  it('streams: answers a line before stdin ends', async () => {
    const stdin = new PassThrough();
    const t = io(stdin);
    const done = runClassify([], t.io);
    stdin.write('{"id":"first","text":"hello"}\n');
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(t.out()).toContain('"id":"first"');
    stdin.end();
    expect(await done).toBe(0);
  });

  it('exits 1 when stdin cannot be read', async () => {
    const stdin = new Readable({
      read() {
        this.destroy(new Error('EIO: broken pipe'));
      },
    });
    const t = io(stdin);
    expect(await runClassify([], t.io)).toBe(1);
    expect(t.err()).toContain('cannot read stdin');
  });

  it('reports a classifier crash on that line only', () => {
    const failing = (): never => {
      throw new Error('boom');
    };
    expect(JSON.parse(classifyLine('{"id":"z","text":"x"}', failing))).toEqual({ id: 'z', error: 'classifier failed: boom' });
  });
});

describe('lanekeeper check', () => {
  it('prints the verdict in plain words, the reasons and a tip for a flagged product manager', async () => {
    const t = io('');
    const code = await runCheck(['<@U_ANA> can you book the retro room?', '--author', 'U_LEAD', '--role', 'U_ANA=product', '--role=U_RAJ=project'], t.io);
    expect(code).toBe(0);
    const out = t.out();
    expect(out).toMatch(/^kind: +a request$/m);
    expect(out).toMatch(/^nudge: +yes: <@U_ANA> would get a private tip$/m);
    expect(out).toContain('meeting logistics: "book the retro room"');
    expect(out).not.toMatch(/meeting_logistics|chatter|assignment/);
    expect(out).toMatch(/^tip \(meeting logistics\): .*<@U_RAJ>/m);
  });

  it('takes plain @handles in the text and in --role, and names people by them', async () => {
    const t = io('');
    expect(await runCheck(['@ana can you book a room?', '--role', 'ana=product', '--role', 'raj=project'], t.io)).toBe(0);
    expect(t.out()).toMatch(/^nudge: +yes: @ana would get a private tip$/m);
    expect(t.out()).toMatch(/^asked: +@ana$/m);
    expect(t.out()).toMatch(/^tip \(meeting logistics\): .*@raj/m);
    expect(t.out()).not.toContain('U_ANA');
  });

  it('says when it cannot tell because nobody\'s role is known, instead of a bare no', async () => {
    const t = io('');
    await runCheck(['@ben can you book a room?'], t.io);
    expect(t.out()).toMatch(/^nudge: +can't tell: the role of @ben is not known/m);
  });

  it('calls chatter "not a request"', async () => {
    const t = io('');
    await runCheck(['thanks everyone, great retro!'], t.io);
    expect(t.out()).toMatch(/^kind: +not a request$/m);
    expect(t.out()).toMatch(/^nudge: +no: nothing is asked of anyone$/m);
  });

  it('quotes and answers the work that was asked for', async () => {
    const t = io('');
    await runCheck(['@ana can you send out the agenda and book the room?', '--role', 'ana=product'], t.io);
    expect(t.out()).not.toMatch(/^tip .*Running ceremonies/m);
    const u = io('');
    await runCheck(['@ana can you chase the vendor for the updated invoice and log it in the budget sheet?', '--role', 'ana=product'], u.io);
    expect(u.out()).toMatch(/^noticed: +"log it in the budget sheet"$/m);
  });

  it('prints items and the project share for a standup', async () => {
    const t = io('');
    await runCheck(['Y: updated the gantt\nT: PRD review\nB: none', '--author', 'U_ANA', '--role', 'U_ANA=product'], t.io);
    expect(t.out()).toContain('items:       2, 50% project-management work');
    expect(t.out()).toContain('- updated the gantt (project-management work: schedule & timeline)');
  });

  it('rejects bad arguments with usage and exit code 2', async () => {
    for (const args of [[], ['a', 'b'], ['text', '--role', 'U1=boss'], ['text', '--author'], ['text', '--nope']]) {
      const t = io('');
      expect(await runCheck(args, t.io)).toBe(2);
      expect(t.err()).toContain('usage: lanekeeper check');
    }
  });

  it('prints its usage, with --from-bot, and exits 0 for --help', async () => {
    const t = io('');
    expect(await runCheck(['--help'], t.io)).toBe(0);
    expect(t.out()).toContain('usage: lanekeeper check');
    expect(t.out()).toContain('--from-bot');
  });

  it('parses --author, --role (both spellings) and --from-bot', () => {
    expect(parseCheckArgs(['hi', '--author=U1', '--role', 'U1=product', '--role=U2=project', '--from-bot'])).toEqual({
      text: 'hi',
      author: 'U1',
      roles: { U1: 'product', U2: 'project' },
      fromBot: true,
    });
  });
});

describe('lanekeeper dispatcher', () => {
  it('prints usage and exits 2 with no command, and exits 0 when asked for help', async () => {
    const none = io('');
    expect(await runCli([], none.io)).toBe(2);
    expect(none.out()).toContain('usage: lanekeeper <command>');
    for (const argv of [['--help'], ['-h'], ['help']]) {
      const t = io('');
      expect(await runCli(argv, t.io)).toBe(0);
      expect(t.out()).toContain('usage: lanekeeper <command>');
      expect(t.out()).toContain('classify');
    }
  });

  it.each([
    ['classify', 'usage: lanekeeper classify'],
    ['check', 'usage: lanekeeper check'],
    ['digest', 'usage: lanekeeper digest'],
  ])('prints the usage of %s and exits 0 for --help, -h and help <command>', async (command, text) => {
    for (const argv of [[command, '--help'], [command, '-h'], ['help', command]]) {
      const t = io('');
      expect(await runCli(argv, t.io)).toBe(0);
      expect(t.out()).toContain(text);
    }
  });

  it('prints usage on stderr and exits 2 for an unknown command', async () => {
    const t = io('');
    expect(await runCli(['frobnicate'], t.io)).toBe(2);
    expect(t.err()).toContain('unknown command "frobnicate"');
  });

  it('hands the remaining arguments to the command', async () => {
    const t = io('{"id":"1","text":"hi"}\n');
    expect(await runCli(['classify'], t.io)).toBe(0);
    expect(JSON.parse(t.out())).toMatchObject({ id: '1', kind: 'chatter' });
  });
});
