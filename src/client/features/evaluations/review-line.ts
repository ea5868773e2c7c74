import { formatCount } from '../../lib/format.ts';

/** "Cost, Speed and Human feedback". */
export function listWords(words: readonly string[]): string {
  if (words.length <= 1) return words[0] ?? '';
  return `${words.slice(0, -1).join(', ')} and ${words.at(-1)}`;
}

const plural = (n: number, word: string) => `${formatCount(n)} ${word}${n === 1 ? '' : 's'}`;

/**
 * The review line above "Run evaluation". With several datasets the sum of their counts is an upper bound:
 * the evaluation counts a log once even when two datasets match it, and the logs API cannot OR datasets.
 */
export function reviewLine(datasetCounts: readonly (number | undefined)[], evaluators: readonly string[]): string {
  if (datasetCounts.length === 0) return 'Choose at least one dataset to evaluate.';
  const known = datasetCounts.every((c) => c !== undefined);
  const sum = datasetCounts.reduce<number>((a, c) => a + (c ?? 0), 0);
  const logs = !known ? 'counting logs…' : datasetCounts.length === 1 ? plural(sum, 'log') : `up to ${plural(sum, 'log')}`;
  const what = evaluators.length ? ` with ${listWords(evaluators)}` : ', but no evaluator is chosen';
  return `Evaluates ${plural(datasetCounts.length, 'dataset')} (${logs})${what}`;
}
