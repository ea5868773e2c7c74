import type { ColumnArrays } from './layout.ts';

/** The min/max figures a log list answers in `result_info` when asked for `meta_info`. */
export interface LogRanges {
  min_cost?: number;
  max_cost?: number;
  min_duration?: number;
  max_duration?: number;
  min_tokens_in?: number;
  max_tokens_in?: number;
  min_tokens_out?: number;
  max_tokens_out?: number;
  min_total_tokens?: number;
  max_total_tokens?: number;
}

/** The min/max figures over the selected positions; a figure no selected log has is left out. */
export function logRanges(cols: ColumnArrays, positions: Uint32Array): LogRanges {
  // One pass over the selection with plain locals: this runs on every list with meta_info.
  let minCost = Infinity, maxCost = -Infinity, minDur = Infinity, maxDur = -Infinity;
  let minIn = Infinity, maxIn = -Infinity, minOut = Infinity, maxOut = -Infinity, minTot = Infinity, maxTot = -Infinity;
  const { cost, duration, tokensIn, tokensOut } = cols;
  for (let i = 0; i < positions.length; i++) {
    const r = positions[i]!;
    const c = cost[r]!;
    if (c === c) {
      if (c < minCost) minCost = c;
      if (c > maxCost) maxCost = c;
    }
    const d = duration[r]!;
    if (d >= 0) {
      if (d < minDur) minDur = d;
      if (d > maxDur) maxDur = d;
    }
    const a = tokensIn[r]!;
    const b = tokensOut[r]!;
    if (a >= 0) {
      if (a < minIn) minIn = a;
      if (a > maxIn) maxIn = a;
    }
    if (b >= 0) {
      if (b < minOut) minOut = b;
      if (b > maxOut) maxOut = b;
    }
    if (a >= 0 && b >= 0) {
      if (a + b < minTot) minTot = a + b;
      if (a + b > maxTot) maxTot = a + b;
    }
  }
  const out: LogRanges = {};
  if (maxCost >= minCost) Object.assign(out, { min_cost: minCost, max_cost: maxCost });
  if (maxDur >= minDur) Object.assign(out, { min_duration: minDur, max_duration: maxDur });
  if (maxIn >= minIn) Object.assign(out, { min_tokens_in: minIn, max_tokens_in: maxIn });
  if (maxOut >= minOut) Object.assign(out, { min_tokens_out: minOut, max_tokens_out: maxOut });
  if (maxTot >= minTot) Object.assign(out, { min_total_tokens: minTot, max_total_tokens: maxTot });
  return out;
}
