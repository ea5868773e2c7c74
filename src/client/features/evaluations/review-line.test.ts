import { describe, expect, it } from 'vitest';
import { listWords, reviewLine } from './review-line.ts';

describe('reviewLine', () => {
  it('names datasets, logs and evaluators', () => {
    expect(reviewLine([1234], ['Cost', 'Speed'])).toBe('Evaluates 1 dataset (1,234 logs) with Cost and Speed');
    expect(reviewLine([1000, 234], ['Cost', 'Speed', 'Human feedback'])).toBe(
      'Evaluates 2 datasets (up to 1,234 logs) with Cost, Speed and Human feedback',
    );
  });
  it('says when counts are loading or nothing is chosen', () => {
    expect(reviewLine([5, undefined], ['Cost'])).toBe('Evaluates 2 datasets (counting logs…) with Cost');
    expect(reviewLine([], ['Cost'])).toBe('Choose at least one dataset to evaluate.');
    expect(reviewLine([1], [])).toBe('Evaluates 1 dataset (1 log), but no evaluator is chosen');
  });
  it('joins words', () => {
    expect(listWords(['a'])).toBe('a');
    expect(listWords([])).toBe('');
  });
});
