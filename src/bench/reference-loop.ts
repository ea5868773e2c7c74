import Database from 'better-sqlite3';
import { rangeBounds, type BenchFilter } from './filter-set.ts';
import type { EvaluationAggregates } from './reference-sql.ts';

/**
 * The filter keys of every log as typed arrays, strings dictionary-encoded: the memory-bandwidth limit a
 * query path could approach. Loaded once from SQLite; counting then touches only these arrays.
 */
export interface Columns {
  n: number;
  gateway: Uint8Array;
  gatewayDict: string[];
  provider: Uint8Array;
  providerDict: string[];
  model: Uint16Array;
  modelDict: string[];
  success: Uint8Array;
  feedback: Int8Array;
  /** NaN where a log has no cost: every comparison with NaN is false, as "missing never matches". */
  cost: Float64Array;
  createdAt: Float64Array;
  duration: Float64Array;
}

function encoder(dict: string[]): (value: string) => number {
  const codes = new Map<string, number>();
  return (value) => {
    let code = codes.get(value);
    if (code === undefined) {
      code = dict.length;
      dict.push(value);
      codes.set(value, code);
    }
    return code;
  };
}

export function loadColumns(file: string): Columns {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const n = (db.prepare('SELECT count(*) AS n FROM logs').get() as { n: number }).n;
    const c: Columns = {
      n,
      gateway: new Uint8Array(n),
      gatewayDict: [],
      provider: new Uint8Array(n),
      providerDict: [],
      model: new Uint16Array(n),
      modelDict: [],
      success: new Uint8Array(n),
      feedback: new Int8Array(n),
      cost: new Float64Array(n),
      createdAt: new Float64Array(n),
      duration: new Float64Array(n),
    };
    const gw = encoder(c.gatewayDict);
    const pr = encoder(c.providerDict);
    const mo = encoder(c.modelDict);
    const rows = db
      .prepare('SELECT gateway_id, provider, model, success, feedback, cost, created_at, duration FROM logs')
      .raw()
      .iterate() as IterableIterator<[string, string, string, number, number, number | null, number, number]>;
    let i = 0;
    for (const r of rows) {
      if (i >= n) break; // a write between the count and the scan; the bench's server does not write logs
      c.gateway[i] = gw(r[0]);
      c.provider[i] = pr(r[1]);
      c.model[i] = mo(r[2]);
      c.success[i] = r[3];
      c.feedback[i] = r[4];
      c.cost[i] = r[5] ?? Number.NaN;
      c.createdAt[i] = r[6];
      c.duration[i] = r[7];
      i++;
    }
    if (c.providerDict.length > 255 || c.gatewayDict.length > 255 || c.modelDict.length > 65_535) {
      throw new Error('dictionary larger than its code width');
    }
    return c;
  } finally {
    db.close();
  }
}

/** Per dictionary code, whether the value contains `needle` case-insensitively (ASCII), as `contains` does. */
function containsMask(dict: readonly string[], needle: string): Uint8Array {
  return Uint8Array.from(dict, (v) => (v.toLowerCase().includes(needle.toLowerCase()) ? 1 : 0));
}

/** Hand-fused loops, one per filter of the set: a generic predicate call per row would not be the limit. */
export function loopCount(c: Columns, gatewayId: string, f: BenchFilter): number {
  const g = c.gatewayDict.indexOf(gatewayId);
  if (g < 0) return 0;
  const { gateway, n } = c;
  let count = 0;
  switch (f.id) {
    case 'one_row': {
      const p = c.providerDict.indexOf('openai');
      const provider = c.provider;
      for (let i = 0; i < n; i++) if (gateway[i] === g && provider[i] === p) count++;
      return count;
    }
    case 'three_rows': {
      const gpt = containsMask(c.modelDict, 'gpt');
      const { success, model, cost } = c;
      for (let i = 0; i < n; i++) if (gateway[i] === g && success[i] === 1 && gpt[model[i]!] === 1 && cost[i]! > 0.001) count++;
      return count;
    }
    case 'model_contains': {
      const llama = containsMask(c.modelDict, 'llama');
      const model = c.model;
      for (let i = 0; i < n; i++) if (gateway[i] === g && llama[model[i]!] === 1) count++;
      return count;
    }
    case 'created_range': {
      const { from, to } = rangeBounds(f);
      const t = c.createdAt;
      for (let i = 0; i < n; i++) if (gateway[i] === g && t[i]! > from && t[i]! < to) count++;
      return count;
    }
    case 'feedback': {
      const feedback = c.feedback;
      for (let i = 0; i < n; i++) if (gateway[i] === g && feedback[i] === 1) count++;
      return count;
    }
  }
}

/**
 * The evaluation's aggregates over the union of the three-row dataset and the llama dataset (the pair the
 * bench evaluates), fused by hand like the counts.
 */
export function loopEvaluation(c: Columns, gatewayId: string): EvaluationAggregates {
  const g = c.gatewayDict.indexOf(gatewayId);
  const gpt = containsMask(c.modelDict, 'gpt');
  const llama = containsMask(c.modelDict, 'llama');
  const { gateway, success, model, cost, duration, feedback, n } = c;
  let count = 0;
  let nCost = 0;
  let sumCost = 0;
  let sumDuration = 0;
  let up = 0;
  let rated = 0;
  for (let i = 0; i < n; i++) {
    if (gateway[i] !== g) continue;
    const m = model[i]!;
    if (!((success[i] === 1 && gpt[m] === 1 && cost[i]! > 0.001) || llama[m] === 1)) continue;
    count++;
    const k = cost[i]!;
    if (!Number.isNaN(k)) {
      nCost++;
      sumCost += k;
    }
    sumDuration += duration[i]!;
    const fb = feedback[i]!;
    if (fb !== 0) {
      rated++;
      if (fb === 1) up++;
    }
  }
  return {
    n: count,
    nCost,
    avgCost: nCost ? sumCost / nCost : null,
    avgDuration: count ? sumDuration / count : null,
    up,
    rated,
  };
}
