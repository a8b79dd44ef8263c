/**
 * The model-number miner on real notices (../shared/data/real-recalls/cpsc, the cpsc.gov export of 902
 * notices): precision and recall on the hand-labelled ones (tests/eval/mining-labels.ts), and recall over
 * every notice that states a model number. Skipped when the shared data is absent; under CI a missing
 * file fails (findSharedData throws). `npm run eval:mining` prints the same figures and the misses.
 */
import { describe, expect, it } from 'vitest';
import { loadNotices, scoreCorpus, scoreLabels } from '../eval/mining-harness';
import { MINING_LABELS } from '../eval/mining-labels';

const notices = loadNotices();

describe.skipIf(notices === null)('model mining on real CPSC notices', () => {
  const all = notices ?? [];

  it('has a deliberate labelled mix: at least 50 notices, some with no model at all', () => {
    expect(MINING_LABELS.length).toBeGreaterThanOrEqual(50);
    expect(MINING_LABELS.filter((l) => l.models.length === 0).length).toBeGreaterThanOrEqual(10);
    expect(new Set(MINING_LABELS.map((l) => l.recallNumber)).size).toBe(MINING_LABELS.length);
  });

  it('finds the labelled models with precision and recall of at least 95%', () => {
    const score = scoreLabels(all);
    const detail = `misses: ${score.misses.join('; ')}\nextras: ${score.extras.join('; ')}`;
    expect(score.precision, detail).toBeGreaterThanOrEqual(0.95);
    expect(score.recall, detail).toBeGreaterThanOrEqual(0.95);
  });

  it('yields a model for at least 95% of the notices that state one', () => {
    const score = scoreCorpus(all);
    expect(score.notices).toBe(902);
    expect(score.recall, `misses:\n${score.misses.join('\n')}`).toBeGreaterThanOrEqual(0.95);
  });
});
