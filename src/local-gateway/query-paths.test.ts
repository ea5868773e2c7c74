import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { filtersSchema, type Filter } from '../shared/filters.ts';
import { GatewayColumns } from './column-store.ts';
import { countLogsBySql } from './filter-sql.ts';
import { aggregate } from './evaluation-aggregates.ts';
import { generateLogs, MODELS, prng } from './seed.ts';
import { QueryRunner } from './query-runner.ts';
import { Store } from './store.ts';
import type { StoredLog } from './store/log-rows.ts';

/**
 * The two query paths (parameterised SQL and the columnar projection) must give the same answer for every
 * filter. Checked over seeded logs plus hand-made edge logs, for a table of hand-picked and random filters.
 */
let dir: string;
let store: Store;
let cols: GatewayColumns;

const T0 = Date.parse('2026-03-01T00:00:00.000Z');
const edge = (over: Partial<StoredLog>): StoredLog => ({
  id: `EDGE${String(Math.random()).slice(2, 24).padEnd(22, '0')}`,
  gateway_id: 'edge',
  created_at: T0,
  provider: 'openai',
  model: 'gpt-4o',
  model_type: 'chat',
  path: 'v1/chat/completions',
  duration: 100,
  success: 1,
  cached: 0,
  tokens_in: 10,
  tokens_out: 5,
  cost: 0.5,
  request_content_type: 'application/json',
  response_content_type: 'application/json',
  request_type: null,
  status_code: 200,
  metadata: null,
  feedback: 0,
  score: null,
  ...over,
});

const EDGE_LOGS: StoredLog[] = [
  edge({ created_at: T0 - 1, cost: null }), // the last ms of Feb 28, no cost
  edge({ created_at: T0, model: 'GPT-4o-Mini', tokens_out: null }), // first ms of Mar 1; upper case; tokens missing
  edge({ created_at: T0 + 86_399_999, provider: 'anthropic', model: 'claude-sonnet-4', cost: 0, feedback: 1 }), // last ms of Mar 1
  edge({ created_at: T0 + 86_400_000, provider: 'workers-ai', model: '@cf/meta/llama-3.1-8b-instruct', cost: null, feedback: -1 }),
  edge({ created_at: T0 + 90_000_000, response_content_type: 'text/event-stream', tokens_in: null, tokens_out: null, success: 0 }),
  edge({ created_at: T0 + 90_000_000, request_content_type: null, duration: 7, cached: 1, cost: 0 }),
];

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'query-paths-'));
  store = new Store(dir);
  store.gateways.create('seeded');
  store.gateways.create('edge');
  store.logs.insert(generateLogs('seeded', 8000, { endMs: Date.parse('2026-04-01T00:00:00Z'), seed: 7 }));
  store.logs.insert(EDGE_LOGS);
  cols = GatewayColumns.load(store.db, 'seeded');
});
afterAll(() => {
  store.close();
  rmSync(dir, { recursive: true, force: true });
});

const parse = (rows: unknown[]): Filter[] => filtersSchema.parse(rows);

describe('filter semantics (both paths)', () => {
  let edgeCols: GatewayColumns;
  beforeAll(() => {
    edgeCols = GatewayColumns.load(store.db, 'edge');
  });
  const both = (rows: unknown[]) => {
    const filters = parse(rows);
    const sql = countLogsBySql(store.db, 'edge', filters);
    expect(edgeCols.count(filters)).toBe(sql);
    return sql;
  };

  it('a log with no value for a key never matches a row on that key', () => {
    expect(both([{ key: 'cost', operator: 'lt', value: [100] }])).toBe(4);
    expect(both([{ key: 'cost', operator: 'eq', value: [0] }])).toBe(2);
    expect(both([{ key: 'request_content_type', operator: 'contains', value: ['json'] }])).toBe(5);
  });

  it('contains is a case-insensitive substring; eq on text is exact', () => {
    expect(both([{ key: 'model', operator: 'contains', value: ['gpt-4O'] }])).toBe(4);
    expect(both([{ key: 'model', operator: 'eq', value: ['gpt-4o-mini'] }])).toBe(0);
    expect(both([{ key: 'model', operator: 'eq', value: ['GPT-4o-Mini'] }])).toBe(1);
  });

  it('contains and search fold case over all of Unicode, the same on both paths', () => {
    store.gateways.create('unicode');
    store.logs.insert([
      edge({ gateway_id: 'unicode', provider: 'Société', model: 'MODÈLE-Ünïcode' }),
      edge({ gateway_id: 'unicode', provider: 'openai', model: 'modèle-ünïcode-mini' }),
      edge({ gateway_id: 'unicode', provider: 'openai', model: 'gpt-4o' }),
    ]);
    const unicodeCols = GatewayColumns.load(store.db, 'unicode');
    const count = (rows: unknown[], search?: string) => {
      const filters = parse(rows);
      const sql = countLogsBySql(store.db, 'unicode', filters, search);
      expect(unicodeCols.count(filters, search === undefined ? undefined : { text: search, idPosition: -1 })).toBe(sql);
      return sql;
    };
    expect(count([{ key: 'model', operator: 'contains', value: ['modèle-üNÏ'] }])).toBe(2);
    expect(count([{ key: 'provider', operator: 'contains', value: ['SOCIÉTÉ'] }])).toBe(1);
    expect(count([], 'ÜNÏCODE')).toBe(2);
  });

  it('created_at eq on a day is that UTC day; eq on a date-time is that instant; gt/lt are strict', () => {
    expect(both([{ key: 'created_at', operator: 'eq', value: ['2026-03-01'] }])).toBe(2);
    expect(both([{ key: 'created_at', operator: 'eq', value: ['2026-03-01T23:59:59.999Z'] }])).toBe(1);
    expect(both([{ key: 'created_at', operator: 'eq', value: ['2026-03-02T01:00:00+01:00'] }])).toBe(1);
    expect(both([{ key: 'created_at', operator: 'gt', value: ['2026-03-01T00:00:00Z'] }])).toBe(4);
    expect(both([{ key: 'created_at', operator: 'lt', value: ['2026-03-01T00:00:00Z'] }])).toBe(1);
  });

  it('tokens is tokens_in + tokens_out, missing when either is', () => {
    expect(both([{ key: 'tokens', operator: 'eq', value: [15] }])).toBe(4);
    expect(both([{ key: 'tokens', operator: 'gt', value: [0] }])).toBe(4);
    expect(both([{ key: 'tokens_in', operator: 'gt', value: [0] }])).toBe(5);
  });

  it('values in a row are ORed, rows are ANDed', () => {
    expect(both([{ key: 'provider', operator: 'eq', value: ['anthropic', 'workers-ai'] }])).toBe(2);
    expect(both([{ key: 'provider', operator: 'eq', value: ['openai', 'workers-ai'] }, { key: 'feedback', operator: 'eq', value: [-1, 1] }])).toBe(1);
    expect(both([{ key: 'feedback', operator: 'eq', value: [0] }])).toBe(4);
    expect(both([{ key: 'success', operator: 'eq', value: [false] }, { key: 'cached', operator: 'eq', value: [false] }])).toBe(1);
  });
});

/** A varied random filter list built from values the data has (and some it does not). */
function randomFilters(rand: () => number): unknown[] {
  const pick = <T,>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
  const keys = ['created_at', 'request_content_type', 'response_content_type', 'success', 'cached', 'provider', 'model', 'cost', 'tokens', 'tokens_in', 'tokens_out', 'duration', 'feedback'] as const;
  const rows: unknown[] = [];
  const n = 1 + Math.floor(rand() * 3);
  for (let i = 0; i < n; i++) {
    const key = pick(keys);
    const num = (op: string, scale: number, integer: boolean) => {
      const x = rand() * scale;
      return { key, operator: op, value: [integer ? Math.round(x) : x] };
    };
    switch (key) {
      case 'created_at': {
        const p = cols.lowerBound(0) + Math.floor(rand() * cols.length);
        const at = new Date(cols.createdAt[p]!).toISOString();
        rows.push(pick([{ key, operator: 'gt', value: [at] }, { key, operator: 'lt', value: [at] }, { key, operator: 'eq', value: [at] }, { key, operator: 'eq', value: [at.slice(0, 10)] }]));
        break;
      }
      case 'request_content_type':
      case 'response_content_type':
        rows.push(rand() < 0.5 ? { key, operator: 'eq', value: [pick(['application/json', 'text/event-stream', 'text/plain', 'multipart/form-data'])] } : { key, operator: 'contains', value: [pick(['JSON', 'text', 'event', 'x'])] });
        break;
      case 'success':
      case 'cached':
        rows.push({ key, operator: 'eq', value: [rand() < 0.5] });
        break;
      case 'provider':
        rows.push(rand() < 0.5 ? { key, operator: 'eq', value: [pick(MODELS).provider, pick(MODELS).provider] } : { key, operator: 'contains', value: [pick(['AI', 'open', 'x', 'Mistral'])] });
        break;
      case 'model':
        rows.push(rand() < 0.5 ? { key, operator: 'eq', value: [pick(MODELS).model] } : { key, operator: 'contains', value: [pick(['llama', 'GPT', 'mini', '4o', '@cf/'])] });
        break;
      case 'cost': {
        const op = pick(['gt', 'lt', 'eq']);
        // eq needs an existing value to be interesting: take one from the data.
        const existing = cols.cost[Math.floor(rand() * cols.length)]!;
        rows.push(op === 'eq' ? { key, operator: op, value: [Number.isNaN(existing) ? 0 : existing] } : num(op, 0.02, false));
        break;
      }
      case 'tokens':
      case 'tokens_in':
      case 'tokens_out':
        rows.push(num(pick(['gt', 'lt', 'eq']), key === 'tokens_out' ? 1300 : 6500, true));
        break;
      case 'duration':
        rows.push(num(pick(['gt', 'lt', 'eq']), 20000, true));
        break;
      case 'feedback':
        rows.push({ key, operator: 'eq', value: rand() < 0.5 ? [pick([-1, 0, 1])] : [1, -1] });
        break;
    }
  }
  return rows;
}

describe('SQL path and columnar path agree', () => {
  it('on 300 random filter lists over seeded logs', () => {
    const rand = prng(20260301);
    let nonTrivial = 0;
    for (let i = 0; i < 300; i++) {
      const filters = parse(randomFilters(rand));
      const sql = countLogsBySql(store.db, 'seeded', filters);
      expect({ filters, count: cols.count(filters) }).toEqual({ filters, count: sql });
      if (sql > 0 && sql < cols.length) nonTrivial++;
    }
    // The table is only a check if it exercises both outcomes.
    expect(nonTrivial).toBeGreaterThan(100);
  });

  it('on created_at windows at the edges: exact instants, equal timestamps, empty windows (counts and pages)', () => {
    const rand = prng(20260302);
    const iso = (ms: number) => new Date(ms).toISOString();
    for (const [gateway, c] of [['seeded', cols], ['edge', GatewayColumns.load(store.db, 'edge')]] as const) {
      // Times the data has, times shared by several logs, and the times one ms either side of them.
      const shared = (store.db.prepare('SELECT created_at AS t FROM logs WHERE gateway_id = ? GROUP BY created_at HAVING count(*) > 1').all(gateway) as { t: number }[]).map((r) => r.t);
      const times = [...shared, c.createdAt[0]!, c.createdAt[c.length - 1]!];
      for (let i = 0; i < 40; i++) times.push(c.createdAt[Math.floor(rand() * c.length)]!);
      const near = (t: number) => t + Math.floor(rand() * 3) - 1;
      const windows: unknown[][] = [];
      for (const t of times) {
        const u = near(times[Math.floor(rand() * times.length)]!);
        windows.push(
          [{ key: 'created_at', operator: 'eq', value: [iso(t)] }],
          [{ key: 'created_at', operator: 'gt', value: [iso(t)] }, { key: 'created_at', operator: 'lt', value: [iso(u)] }],
          [{ key: 'created_at', operator: 'gt', value: [iso(near(t))] }, { key: 'created_at', operator: 'lt', value: [iso(t + 1)] }],
          [{ key: 'created_at', operator: 'gt', value: [iso(t)] }, { key: 'created_at', operator: 'lt', value: [iso(t)] }], // empty
          [{ key: 'created_at', operator: 'lt', value: [iso(t)] }, { key: 'feedback', operator: 'eq', value: [0] }],
          [{ key: 'created_at', operator: 'eq', value: [iso(t).slice(0, 10)] }, { key: 'created_at', operator: 'gt', value: [iso(u)] }],
        );
      }
      let nonEmpty = 0;
      for (const rows of windows) {
        const filters = parse(rows);
        const sql = countLogsBySql(store.db, gateway, filters);
        expect({ filters, count: c.count(filters) }).toEqual({ filters, count: sql });
        if (sql > 0) nonEmpty++;
        const where = rows.length === 1 || (rows[1] as { key: string }).key === 'created_at' ? '' : ' AND feedback = 0';
        const range = filters.filter((f) => f.key === 'created_at').map((f) => {
          const at = Date.parse(String(f.value[0]));
          if (f.operator === 'gt') return `created_at > ${at}`;
          if (f.operator === 'lt') return `created_at < ${at}`;
          return String(f.value[0]).length === 10 ? `created_at >= ${at} AND created_at < ${at + 86_400_000}` : `created_at = ${at}`;
        });
        const page = (dir: 'ASC' | 'DESC') =>
          (store.db.prepare(`SELECT rid FROM logs WHERE gateway_id = ? AND ${range.join(' AND ')}${where} ORDER BY created_at ${dir}, rid ${dir} LIMIT 3 OFFSET 1`).all(gateway) as { rid: number }[]).map((r) => r.rid);
        expect(c.pageRowids(c.query(filters), 'created_at', 'asc', 1, 3)).toEqual(page('ASC'));
        expect(c.pageRowids(c.query(filters), 'created_at', 'desc', 1, 3)).toEqual(page('DESC'));
      }
      expect(nonEmpty).toBeGreaterThan(windows.length / 4);
    }
  });

  it('with search (provider/model substring or exact id)', () => {
    const someId = (store.db.prepare("SELECT id, rid, created_at FROM logs WHERE gateway_id = 'seeded' LIMIT 1 OFFSET 77").get() as { id: string; rid: number; created_at: number });
    for (const text of ['GEMINI', 'groq', 'zzz', someId.id]) {
      const idPosition = text === someId.id ? cols.positionOf(someId.rid, someId.created_at) : -1;
      const filters = parse([{ key: 'success', operator: 'eq', value: [true] }]);
      expect(cols.count(filters, { text, idPosition })).toBe(countLogsBySql(store.db, 'seeded', filters, text));
    }
  });

  it('evaluation aggregates equal SQL aggregates over the distinct union', () => {
    const a = parse([{ key: 'provider', operator: 'eq', value: ['openai'] }]);
    const b = parse([{ key: 'model', operator: 'contains', value: ['4o'] }, { key: 'feedback', operator: 'eq', value: [1, -1] }]);
    const figures = aggregate(cols, [a, b]);
    // The union written out by hand in SQL: a log in both datasets counts once.
    const expected = store.db
      .prepare(
        `SELECT count(*) AS n, count(cost) AS costLogs, sum(cost) AS cost, sum(duration) AS dur, sum(feedback = 1) AS up, sum(feedback = -1) AS down
         FROM logs WHERE gateway_id = 'seeded' AND (provider = 'openai' OR (instr(lower(model), '4o') > 0 AND feedback IN (1, -1)))`,
      )
      .get() as { n: number; costLogs: number; cost: number; dur: number; up: number; down: number };
    expect(figures).toMatchObject({ totalLogs: expected.n, costLogs: expected.costLogs, durationSum: expected.dur, thumbsUp: expected.up, thumbsDown: expected.down });
    expect(figures.costSum).toBeCloseTo(expected.cost, 10);
    expect(figures.totalLogs).toBeLessThan(countLogsBySql(store.db, 'seeded', a) + countLogsBySql(store.db, 'seeded', b));
  });

  it('orders a page like SQL does', () => {
    const filters = parse([{ key: 'cached', operator: 'eq', value: [false] }]);
    const positions = cols.select(filters);
    const rids = cols.pageRowids(positions, 'model', 'asc', 30, 20);
    const expected = (store.db
      .prepare("SELECT rid FROM logs WHERE gateway_id = 'seeded' AND cached = 0 ORDER BY model, created_at, rid LIMIT 20 OFFSET 30")
      .all() as { rid: number }[]).map((r) => r.rid);
    expect(rids).toEqual(expected);
    const newest = cols.pageRowids(cols.select(filters), 'created_at', 'desc', 0, 5);
    expect(newest).toEqual((store.db.prepare("SELECT rid FROM logs WHERE gateway_id = 'seeded' AND cached = 0 ORDER BY created_at DESC, rid DESC LIMIT 5").all() as { rid: number }[]).map((r) => r.rid));
  });
});

describe('split across worker threads (shared columns)', () => {
  let runner: QueryRunner;
  beforeAll(() => {
    // Every scan goes to the two workers, however small.
    runner = new QueryRunner({ threads: 2, inlineBelow: 0 });
  });
  afterAll(() => runner.close());
  const ORDERS = ['created_at', 'created_at', 'model', 'provider', 'success'] as const;

  it('give the counts, ranges and pages of the main thread (and SQL) on 80 random filter lists', async () => {
    const rand = prng(20260303);
    for (let i = 0; i < 80; i++) {
      const filters = parse(randomFilters(rand));
      const page = { orderBy: ORDERS[i % ORDERS.length]!, direction: rand() < 0.5 ? ('asc' as const) : ('desc' as const), offset: Math.floor(rand() * 40), limit: 7 };
      const args = { filters, ranges: true, page };
      const split = await runner.run(cols, 'select', args);
      expect({ filters, page, split }).toEqual({ filters, page, split: runner.runInline(cols, 'select', args) });
      expect(split.total).toBe(countLogsBySql(store.db, 'seeded', filters));
    }
  });

  it('with search, and with a time window alone (nothing scanned)', async () => {
    const someId = store.db.prepare("SELECT id, rid, created_at FROM logs WHERE gateway_id = 'seeded' LIMIT 1 OFFSET 4321").get() as { id: string; rid: number; created_at: number };
    const page = { orderBy: 'created_at' as const, direction: 'desc' as const, offset: 0, limit: 3 };
    for (const text of ['GEMINI', someId.id]) {
      const search = { text, idPosition: text === someId.id ? cols.positionOf(someId.rid, someId.created_at) : -1 };
      const args = { filters: parse([{ key: 'success', operator: 'eq', value: [true] }]), search, ranges: true, page };
      expect(await runner.run(cols, 'select', args)).toEqual(runner.runInline(cols, 'select', args));
    }
    const at = (p: number) => new Date(cols.createdAt[p]!).toISOString();
    const window = { filters: parse([{ key: 'created_at', operator: 'gt', value: [at(1000)] }, { key: 'created_at', operator: 'lt', value: [at(6000)] }]), ranges: true, page };
    expect(await runner.run(cols, 'select', window)).toEqual(runner.runInline(cols, 'select', window));
  });

  it('run their scans at a lower priority than the thread serving requests (Linux keeps nice per thread)', async () => {
    const niceOf = (stat: string) => Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[16]);
    const own = () => niceOf(readFileSync('/proc/thread-self/stat', 'utf8'));
    const before = own();
    await runner.run(cols, 'select', { filters: [], ranges: false, page: { orderBy: 'created_at', direction: 'asc', offset: 0, limit: 1 } });
    const threads = readdirSync('/proc/self/task').map((tid) => niceOf(readFileSync(`/proc/self/task/${tid}/stat`, 'utf8')));
    // A process already at the weakest priority (19) leaves its workers nothing lower to take.
    expect(before, 'run the tests below nice 19').toBeLessThan(19);
    expect(threads.filter((n) => n > before)).toHaveLength(2);
    // The caller (the serving thread in the product) keeps its priority through a run.
    expect(own()).toBe(before);
  });

  it('give the same exact evaluation aggregates as one pass on the main thread', async () => {
    const datasetFilters = [
      parse([{ key: 'provider', operator: 'eq', value: ['openai'] }]),
      parse([{ key: 'model', operator: 'contains', value: ['4o'] }, { key: 'feedback', operator: 'eq', value: [1, -1] }]),
    ];
    expect(await runner.run(cols, 'aggregates', { datasetFilters })).toEqual(aggregate(cols, datasetFilters));
  });

  it('see a feedback write made on the main thread at once, and a projection handed over again after it was forgotten', async () => {
    const liked = parse([{ key: 'feedback', operator: 'eq', value: [1] }]);
    const args = { filters: liked, ranges: false, page: { orderBy: 'created_at' as const, direction: 'asc' as const, offset: 0, limit: 1 } };
    const before = (await runner.run(cols, 'select', args)).total;
    const p = cols.feedback.findIndex((f) => f === 0);
    cols.setFeedback(cols.rid[p]!, cols.createdAt[p]!, 1);
    try {
      expect((await runner.run(cols, 'select', args)).total).toBe(before + 1);
      runner.forget(cols);
      expect((await runner.run(cols, 'select', args)).total).toBe(before + 1);
    } finally {
      cols.setFeedback(cols.rid[p]!, cols.createdAt[p]!, 0);
    }
  });
});
