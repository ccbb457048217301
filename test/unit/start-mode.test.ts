import { spawnSync } from 'node:child_process';
import path from 'node:path';

// Runs the real `npm start` entry point (src/main.ts through tsx) with no Slack variable set.
const root = path.join(__dirname, '..', '..');

function environmentWithoutSlack(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, PORT: '0', LOG_LEVEL: 'silent', REDIS_PREFIX: `lktest-start-${process.pid}`, ...extra };
  for (const name of Object.keys(env)) if (name.startsWith('SLACK_')) delete env[name];
  return env;
}

describe('npm start with nothing configured', () => {
  it('refuses to start the sandbox in production: exit 2 and one line saying what is missing', () => {
    const run = spawnSync(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
      cwd: root,
      env: environmentWithoutSlack({ NODE_ENV: 'production' }),
      encoding: 'utf8',
      // Before the refusal existed the sandbox started and kept running; the timeout ends that run.
      timeout: 30_000,
    });
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/^lanekeeper: config: no Slack variable is set \(SLACK_BOT_TOKEN, .*NODE_ENV=production never starts the sandbox/);
    expect(run.stdout).not.toContain('SANDBOX MODE');
  });
});
