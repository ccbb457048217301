/**
 * The lanekeeper processes of `npm run bench:soak`: each one is `src/main.ts` run by node with
 * tsx as its loader, as `npm start` runs it but without tsx's wrapper process, so the pid is the
 * bot's own (for its RSS) and a signal reaches it directly. Configured through the environment
 * only, like a deployment.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';

export interface AppProcess {
  name: string;
  child: ChildProcess;
  port: number;
  /** Log lines by level and message (messages are fixed strings; values are not kept). */
  logTally: Map<string, number>;
  /** Set when the process ended by itself. */
  exit?: { code: number | null; signal: NodeJS.Signals | null };
  /** The last lines of its stderr, for a process that fails. */
  stderrTail: string[];
}

const LEVEL_NAMES: Record<number, string> = { 10: 'trace', 20: 'debug', 30: 'info', 40: 'warn', 50: 'error', 60: 'fatal' };
const START_TIMEOUT_MS = 60_000;
const STOP_TIMEOUT_MS = 30_000;

/** Starts one process; `track` hears of it at once, so it is stopped even if another fails to start. */
export function startAppProcess(name: string, env: Record<string, string>, track: (app: AppProcess) => void): Promise<AppProcess> {
  const root = path.join(__dirname, '..', '..');
  // As `npm start` starts it, heap ceiling included (the ceiling sets how far V8 lets the heap grow).
  const child = spawn(process.execPath, ['--max-old-space-size=1024', '--max-semi-space-size=4', '--import', 'tsx', path.join(root, 'src', 'main.ts')], {
    cwd: root,
    env: { PATH: process.env.PATH ?? '', PORT: '0', LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const app: AppProcess = { name, child, port: 0, logTally: new Map(), stderrTail: [] };
  track(app);
  child.once('exit', (code, signal) => (app.exit = { code, signal }));
  child.stderr?.on('data', (chunk: Buffer) => {
    app.stderrTail.push(...chunk.toString().split('\n').filter(Boolean));
    app.stderrTail.splice(0, Math.max(0, app.stderrTail.length - 20));
  });

  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${name} did not start within ${START_TIMEOUT_MS} ms`)), START_TIMEOUT_MS);
    let partial = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      const lines = (partial + chunk.toString()).split('\n');
      partial = lines.pop() ?? '';
      for (const line of lines) {
        const entry = parseLogLine(line);
        if (!entry) continue;
        const label = `${LEVEL_NAMES[entry.level] ?? entry.level} ${entry.msg}${entry.reason ? ` (${entry.reason})` : ''}`;
        app.logTally.set(label, (app.logTally.get(label) ?? 0) + 1);
        if (entry.msg === 'lanekeeper started' && typeof entry.port === 'number') {
          app.port = entry.port;
          clearTimeout(timer);
          resolve(app);
        }
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`${name} exited with ${code} before it started: ${app.stderrTail.join(' | ')}`));
    });
  });
}

function parseLogLine(line: string): { level: number; msg: string; reason?: string; port?: number } | undefined {
  if (!line.startsWith('{')) return undefined;
  try {
    return JSON.parse(line) as { level: number; msg: string; reason?: string; port?: number };
  } catch {
    return undefined;
  }
}

/** SIGTERM (the bot drains), then SIGKILL if it has not exited in time. Resolves with how it ended. */
export async function stopAppProcess(app: AppProcess): Promise<string> {
  if (app.exit) return `had already exited (${describeExit(app)})`;
  const exited = new Promise<void>((resolve) => app.child.once('exit', () => resolve()));
  app.child.kill('SIGTERM');
  const timedOut = await Promise.race([exited.then(() => false), new Promise<boolean>((resolve) => setTimeout(() => resolve(true), STOP_TIMEOUT_MS))]);
  if (timedOut) {
    app.child.kill('SIGKILL');
    await exited;
    return `killed after ${STOP_TIMEOUT_MS} ms`;
  }
  return `exit ${describeExit(app)}`;
}

export function describeExit(app: AppProcess): string {
  return String(app.exit?.code ?? app.exit?.signal ?? 'running');
}

/** Resident memory of a process in bytes, from /proc (Linux); undefined once it has gone. */
export function residentBytes(pid: number | undefined): number | undefined {
  if (pid === undefined) return undefined;
  try {
    const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) * 1024 : undefined;
  } catch {
    return undefined;
  }
}

/** CPU time (user + system) a process has used so far, in seconds, from /proc (Linux, 100 ticks a second). */
export function cpuSeconds(pid: number | undefined): number | undefined {
  if (pid === undefined) return undefined;
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name, which is in parentheses and may hold spaces: utime and stime are the 12th and 13th.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return undefined;
  }
}
