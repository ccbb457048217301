import { spawn, type ChildProcess } from 'node:child_process';
import { Redis } from 'ioredis';
import { freePort } from './app-process';
import { sleep } from './harness';

/**
 * A redis-server of the test's own on a free loopback port, with nothing persisted and the DEBUG
 * command enabled, for fault tests that must not disturb the shared Redis every other test uses
 * (`DEBUG SLEEP` stalls the whole server).
 */
export interface OwnRedis {
  port: number;
  url: string;
  /** Makes the server stop answering anyone for `seconds` (DEBUG SLEEP); resolves when it answers again. */
  stall(seconds: number): Promise<void>;
  close(): Promise<void>;
}

export async function startOwnRedis(): Promise<OwnRedis> {
  const port = await freePort();
  const server: ChildProcess = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--enable-debug-command', 'yes'], {
    stdio: 'ignore',
  });
  const exited = new Promise<void>((resolve) => server.once('exit', () => resolve()));
  const url = `redis://127.0.0.1:${port}`;
  const control = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
  for (let attempt = 0; ; attempt++) {
    try {
      await control.connect();
      break;
    } catch (error) {
      if (attempt > 50) {
        server.kill('SIGKILL');
        throw error;
      }
      await sleep(50);
    }
  }
  return {
    port,
    url,
    async stall(seconds) {
      await control.call('DEBUG', 'SLEEP', String(seconds));
    },
    async close() {
      control.disconnect();
      server.kill('SIGTERM');
      await exited;
    },
  };
}
