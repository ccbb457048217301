import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { BOT_TOKEN, testAppEnv } from './harness';

const ROOT = path.resolve(__dirname, '../..');

/**
 * Starts a `ROLE=worker` lanekeeper as a process of its own (as `npm start` runs it), on a harness's
 * Redis prefix and local Slack, so a test can SIGKILL it in the middle of its work. Its job locks
 * last 2 s, so another worker takes its jobs over soon after it dies.
 */
export function spawnWorkerProcess({ slackUrl, prefix, env = {} }: { slackUrl: string; prefix: string; env?: Record<string, string> }): ChildProcess {
  return spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: ROOT,
    env: { PATH: process.env.PATH, ROLE: 'worker', SLACK_BOT_TOKEN: BOT_TOKEN, ...testAppEnv(slackUrl, prefix), LOG_LEVEL: 'warn', ...env },
    stdio: 'ignore',
  });
}
