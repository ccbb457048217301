import { spawnSync } from 'node:child_process';
import path from 'node:path';

// Runs the real `lanekeeper` bin (through tsx, as `npx lanekeeper` does from a clone).
const bin = path.join(__dirname, '..', '..', 'bin', 'lanekeeper.js');

describe('the lanekeeper bin', () => {
  it('classifies JSON lines from stdin and exits 0', () => {
    const input = `${JSON.stringify({ id: 'm1', text: '<@U_ANA> pls update the gantt', roles: { U_ANA: 'product' } })}\nnot json\n`;
    const run = spawnSync(process.execPath, [bin, 'classify'], { input, encoding: 'utf8', timeout: 30_000 });
    expect(run.status).toBe(0);
    const [first, second] = run.stdout.trimEnd().split('\n').map((l) => JSON.parse(l));
    expect(first).toMatchObject({ id: 'm1', kind: 'assignment', flag: true, categories: ['schedule'] });
    expect(second).toHaveProperty('error');
  });

  it('exits 2 with usage for an unknown command', () => {
    const run = spawnSync(process.execPath, [bin, 'nope'], { encoding: 'utf8', timeout: 30_000 });
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('usage: lanekeeper');
  });
});
