/**
 * The `lanekeeper` command line (bin/lanekeeper.js). A small dispatcher: each subcommand lives in
 * src/cli/ and is registered in COMMANDS; add new ones there.
 */
import { CHECK_USAGE, runCheck } from './cli/check';
import { CLASSIFY_USAGE, runClassify } from './cli/classify';
import { EXIT_USAGE, write, type CliIo, type Command } from './cli/io';

export const COMMANDS: Readonly<Record<string, { run: Command; summary: string; help: () => string }>> = {
  classify: {
    run: (args, io) => runClassify(args, io),
    summary: 'read JSON lines on stdin (text, blocks, attachments, parent, names …), write one verdict per line on stdout',
    help: () => CLASSIFY_USAGE,
  },
  check: {
    run: (args, io) => runCheck(args, io),
    summary: 'explain the verdict on one message: check "@ana can you book a room?" [--author WHO] [--role ana=product …] [--from-bot]',
    help: () => CHECK_USAGE,
  },
  digest: {
    run: (args, io) => loadDigestCommand().runDigest(args, io),
    summary: 'digest send --at <time> (queue the digests due then) | digest preview --user U… [--team T…]',
    help: () => `${loadDigestCommand().DIGEST_USAGE}\n`,
  },
};

const HELP = new Set(['--help', '-h', 'help']);

/**
 * Loaded on demand: the digest command pulls in Redis, BullMQ and the Slack client, which
 * `classify` never needs. A plain require keeps this working under tsx's CommonJS hook.
 */
function loadDigestCommand(): typeof import('./cli/digest') {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- lazy load, see above
  return require('./cli/digest') as typeof import('./cli/digest');
}

export function usage(): string {
  const width = Math.max(...Object.keys(COMMANDS).map((name) => name.length));
  const lines = Object.entries(COMMANDS).map(([name, { summary }]) => `  ${name.padEnd(width)}  ${summary}`);
  return `usage: lanekeeper <command> [arguments]\n\ncommands:\n${lines.join('\n')}\n\nlanekeeper <command> --help prints the command's own usage.\n`;
}

export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  const [name, ...args] = argv;
  if (name === undefined) {
    await write(io.stdout, usage());
    return EXIT_USAGE;
  }
  // Asking for help is not a mistake: it prints the usage and exits 0.
  if (HELP.has(name)) {
    const topic = args[0] !== undefined && Object.hasOwn(COMMANDS, args[0]) ? COMMANDS[args[0]] : undefined;
    await write(io.stdout, topic ? topic.help() : usage());
    return 0;
  }
  const command = Object.hasOwn(COMMANDS, name) ? COMMANDS[name] : undefined;
  if (command === undefined) {
    await write(io.stderr, `lanekeeper: unknown command "${name}"\n\n${usage()}`);
    return EXIT_USAGE;
  }
  if (args.some((a) => a === '--help' || a === '-h')) {
    await write(io.stdout, command.help());
    return 0;
  }
  return command.run(args, io);
}

// Run when started as a program: directly, or through bin/lanekeeper.js (which loads this file).
const entry = require.main?.filename ?? '';
if (require.main === module || /[\\/]bin[\\/]lanekeeper(?:\.js)?$/.test(entry)) {
  runCli(process.argv.slice(2), { stdin: process.stdin, stdout: process.stdout, stderr: process.stderr }).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      console.error(error);
      process.exitCode = 1;
    },
  );
}
