/**
 * `npm run eval:mining`: the model-number miner (utils/identity/model-mining.ts) on the real cpsc.gov
 * export in ../shared/data/real-recalls/cpsc (902 notices). Prints how many notices speak of models,
 * how many state a model number (tests/eval/mining-harness.ts `statedModels`, a detector simpler and
 * looser than the miner), how many of those yield at least one model, the recall, the misses, and the
 * precision and recall on the hand-labelled notices of tests/eval/mining-labels.ts. Exits 1 when a
 * figure is under 95%; 0 with a message when the data is absent (never under CI: findSharedData throws).
 */
import { loadNotices, scoreCorpus, scoreLabels } from '../tests/eval/mining-harness';
import { MINING_LABELS } from '../tests/eval/mining-labels';

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;

const notices = loadNotices();
if (!notices) {
  console.log('No ../shared/data/real-recalls/cpsc export: nothing to evaluate.');
  process.exit(0);
}

const corpus = scoreCorpus(notices);
console.log(`Real CPSC notices: ${corpus.notices}`);
console.log(`  yield at least one model:        ${corpus.yielding}`);
console.log(`  speak of models:                 ${corpus.speaking}`);
console.log(`  speak of models, yield none:     ${corpus.speakingNoYield}`);
console.log(`  state a model number (detector): ${corpus.stating}`);
console.log(`  ... and yield at least one:      ${corpus.statingYield}  recall ${pct(corpus.recall)}`);
console.log(`\nNotices that state a model number and yield none (${corpus.misses.length}):`);
for (const m of corpus.misses) console.log(`  ${m}`);

const labels = scoreLabels(notices);
console.log(`\nHand-labelled notices: ${MINING_LABELS.length}, labelled models ${labels.labelled}`);
console.log(`  mined ${labels.mined}, correct ${labels.correct}`);
console.log(`  precision ${pct(labels.precision)}  recall ${pct(labels.recall)}`);
if (labels.misses.length) console.log(`  missed: ${labels.misses.join(', ')}`);
if (labels.extras.length) console.log(`  extra:  ${labels.extras.join(', ')}`);

const ok = corpus.recall >= 0.95 && labels.precision >= 0.95 && labels.recall >= 0.95;
console.log(
  `\n${ok ? 'PASS' : 'FAIL'}  recall over notices ${pct(corpus.recall)}, labelled precision ${pct(labels.precision)}, recall ${pct(labels.recall)} (each must be >= 95%)`,
);
process.exit(ok ? 0 : 1);
