/**
 * Issue 12, bad input 1: an error nobody handled may not stop the process without a word. A
 * rejection nobody handles is logged and the process carries on; an uncaught exception is logged,
 * the process drains and exits 1. Neither log line quotes what the error message quoted.
 */
import { spawn } from 'node:child_process';
import path from 'node:path';

function run(): Promise<{ code: number | null; lines: Record<string, unknown>[]; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'test/fixtures/process-guards-demo.ts'], {
      cwd: path.resolve(__dirname, '../..'),
      env: { PATH: process.env.PATH },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    const killer = setTimeout(() => child.kill('SIGKILL'), 10000);
    child.on('exit', (code) => {
      clearTimeout(killer);
      resolve({ code, lines: stdout.split('\n').filter(Boolean).map((line) => JSON.parse(line) as Record<string, unknown>), stderr });
    });
  });
}

describe('errors nobody handled (issue 12, bad input 1)', () => {
  it('logs a stray rejection and carries on; logs an uncaught exception, drains and exits 1', async () => {
    const { code, lines, stderr } = await run();
    // Sorted: pino writes fatal lines synchronously, ahead of lines still buffered. "still serving"
    // is logged 200 ms after the rejection, so only by a process that survived it.
    expect({ code, stderr, said: lines.map((line) => `${String(line.level)} ${String(line.msg)}`).sort() }).toEqual({
      code: 1,
      stderr: '',
      said: ['error a failure nobody handled; carrying on', 'fatal uncaught exception; draining and exiting', 'info still serving', 'info stopped'],
    });
    expect(JSON.stringify(lines)).not.toContain('MARK');
  }, 20000);
});
