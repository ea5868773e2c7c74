import type { WireFilter } from '../../shared/filters.ts';
import type { LogResultInfo } from '../../shared/logs.ts';

/** One official call's answer: `result_info.total_count`, and with `meta_info` the min/max figures. */
export interface CountAnswer {
  total: number;
  info: LogResultInfo;
}

/** A log count over filter rows (ANDed), as `logs.list` with `per_page=1` answers it. */
export type CountLogs = (filters: WireFilter[], metaInfo: boolean) => Promise<CountAnswer>;

/** A set of logs as filter rows ANDed, with the sign it enters a union's inclusion–exclusion sum with. */
export interface Term {
  rows: WireFilter[];
  sign: 1 | -1;
  /** Its count with meta_info (the probe that found it non-empty). */
  answer: CountAnswer;
}

export const keyOf = (rows: readonly WireFilter[], metaInfo: boolean) => `${metaInfo ? 'm' : 'c'}${JSON.stringify(rows)}`;

/**
 * Counts through `count` with every distinct call made once, within a budget of distinct counts: one past it
 * is refused with {@link BudgetExceeded} before it goes out. Answers are shared with a longer-lived cache
 * (`shared`), so a retry after the pacing refused a call part-way resumes where it stopped. The budget counts
 * every distinct count the analysis uses, cached or not, so a resumed analysis takes the same path as an
 * uninterrupted one and all its attempts together send at most `budget` counts.
 */
export class Counter {
  /** Distinct counts this analysis used (against the budget). */
  calls = 0;
  /** Of those, the ones that went out (not found in the shared cache). */
  sent = 0;
  private readonly memo = new Map<string, Promise<CountAnswer>>();

  private active = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(
    private readonly count: CountLogs,
    readonly budget: number,
    private readonly shared?: { get(key: string): CountAnswer | undefined; set(key: string, value: CountAnswer): void },
    /** Calls in flight at once. */
    private readonly concurrency = 6,
  ) {}

  /** One call at a time per slot: an analysis never bursts more than `concurrency` calls. */
  private async limited(rows: WireFilter[], metaInfo: boolean): Promise<CountAnswer> {
    if (this.active >= this.concurrency) await new Promise<void>((resolve) => this.waiting.push(resolve));
    this.active++;
    try {
      return await this.count(rows, metaInfo);
    } finally {
      this.active--;
      this.waiting.shift()?.();
    }
  }

  /** Whether this count would take one from the budget (the analysis has not used it yet). */
  isNew(rows: readonly WireFilter[], metaInfo: boolean): boolean {
    return !this.memo.has(keyOf(rows, metaInfo));
  }

  get remaining(): number {
    return this.budget - this.calls;
  }

  run(rows: WireFilter[], metaInfo = false): Promise<CountAnswer> {
    const key = keyOf(rows, metaInfo);
    const known = this.memo.get(key);
    if (known) return known;
    if (this.calls >= this.budget) return Promise.reject(new BudgetExceeded(this.budget));
    this.calls++;
    const cached = this.shared?.get(key);
    if (cached) {
      const p = Promise.resolve(cached);
      this.memo.set(key, p);
      return p;
    }
    this.sent++;
    const p = this.limited(rows, metaInfo).then((answer) => {
      this.shared?.set(key, answer);
      return answer;
    });
    // A failed call is not remembered: the next attempt calls again.
    p.catch(() => this.memo.delete(key));
    this.memo.set(key, p);
    return p;
  }
}

export class BudgetExceeded extends Error {
  constructor(readonly budget: number) {
    super(`More than ${budget} upstream calls would be needed`);
    this.name = 'BudgetExceeded';
  }
}

/**
 * The union of filter sets (each ANDed rows, all under `common` rows) as signed terms for
 * inclusion–exclusion: |A ∪ B| = |A| + |B| − |A ∩ B|, and so on. An intersection is the sets' rows ANDed.
 * Every candidate intersection is probed with one count; an empty one is dropped with all its supersets
 * (a log in A ∩ B ∩ C is in A ∩ B), so disjoint datasets cost one probe per pair and nothing more.
 */
export async function unionTerms(counter: Counter, sets: readonly (readonly WireFilter[])[], common: readonly WireFilter[]): Promise<Term[]> {
  const rowsOf = (subset: readonly number[]) => [...subset.flatMap((i) => sets[i]!), ...common];
  const singles = await Promise.all(sets.map((_, i) => counter.run(rowsOf([i]), true)));
  const terms: Term[] = singles.map((answer, i) => ({ rows: rowsOf([i]), sign: 1, answer }));
  let level: number[][] = singles.flatMap((a, i) => (a.total > 0 ? [[i]] : []));
  for (let size = 2; size <= sets.length && level.length > 1; size++) {
    // Subsets of this size whose every (size − 1)-subset is non-empty: extend each by a larger index.
    const alive = new Set(level.map((s) => s.join(',')));
    const candidates: number[][] = [];
    for (const s of level) {
      for (let j = s[s.length - 1]! + 1; j < sets.length; j++) {
        const c = [...s, j];
        if (c.every((_, drop) => alive.has(c.filter((__, k) => k !== drop).join(',')))) candidates.push(c);
      }
    }
    const answers = await Promise.all(candidates.map((c) => counter.run(rowsOf(c), true)));
    level = [];
    candidates.forEach((c, i) => {
      const answer = answers[i]!;
      if (answer.total === 0) return;
      level.push(c);
      terms.push({ rows: rowsOf(c), sign: size % 2 === 0 ? -1 : 1, answer });
    });
  }
  return terms.filter((t) => t.answer.total > 0);
}
