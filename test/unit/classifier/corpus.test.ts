import { readFileSync } from 'node:fs';
import path from 'node:path';
import { classify, naiveClassify } from '../../../src/core/classifier';
import { loadCorpus, score } from '../../../src/core/classifier/evaluation';

// Regression floor on the development part of the labelled corpus. The held-out part is only ever
// scored by `npm run eval`; no test or rule is fitted to it.
const dev = loadCorpus(readFileSync(path.join(__dirname, '..', '..', 'fixtures', 'corpus', 'dev.jsonl'), 'utf8'));

describe('the rule classifier on the development corpus', () => {
  const scores = score(dev, classify);

  it('has enough labelled lines to mean something', () => {
    expect(dev.length).toBeGreaterThanOrEqual(300);
    expect(scores.counts.flagPositives).toBeGreaterThanOrEqual(50);
  });

  it('keeps flag F1 at or above 0.95', () => {
    expect(scores.f1).toBeGreaterThanOrEqual(0.95);
  });

  it('flags at most 2% of chatter', () => {
    expect(scores.chatterFpRate).toBeLessThanOrEqual(0.02);
  });

  it('gets the kind right for at least 95% of messages and the assignees for at least 95%', () => {
    expect(scores.kindAccuracy).toBeGreaterThanOrEqual(0.95);
    expect(scores.assigneeAccuracy).toBeGreaterThanOrEqual(0.95);
  });

  it('beats the naive keyword rule on flag F1 by a wide margin', () => {
    expect(scores.f1 - score(dev, naiveClassify).f1).toBeGreaterThan(0.2);
  });
});
