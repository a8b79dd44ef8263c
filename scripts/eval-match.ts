/**
 * `npm run eval:match`: precision and recall of the matcher per tier and for the banner tiers, on the
 * labelled set of tests/eval (fixture pages × fixture recalls, plus hand-made hard cases). Prints figures;
 * the thresholds are asserted by tests/unit/eval-match.test.ts.
 */
import { formatReport, runEvaluation } from '../tests/eval/harness';

console.log(formatReport(runEvaluation()));
