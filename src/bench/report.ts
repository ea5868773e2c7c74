import { writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';

export type Better = 'lower' | 'higher';

/** One row of the report; `value` null means "not measured" and `note` says why. */
export interface Metric {
  name: string;
  value: number | null;
  unit: string;
  /** Null when the figure has no target, or its target is defined at a size this run did not use. */
  target: number | null;
  better: Better;
  /** Null when there is nothing to judge (no target, or not measured). */
  pass: boolean | null;
  note?: string;
}

export interface MetricInput {
  name: string;
  value: number | null;
  unit: string;
  better?: Better;
  target?: number | null;
  /**
   * A target that product §5 defines at 1,000,000 logs. At a smaller size it is shown in the note and not
   * judged: a figure at 10k logs says nothing about meeting a 1M target.
   */
  targetAtFull?: number;
  /** A target product §5 defines at 10,000,000 logs per gateway: judged only in a `huge` run. */
  targetAtHuge?: number;
  note?: string;
}

/** Which size's targets a run is judged by: none (small), 1M's (full) or 10M's (huge). */
export type Scale = 'small' | 'full' | 'huge';

export interface Machine {
  cpus: number;
  cpu_model: string;
  mem_mb: number;
  node: string;
  platform: string;
  arch: string;
  /** 1-minute load average when the run started: other work on a shared machine skews wall times. */
  load_avg_1m: number;
}

export interface Report {
  machine: Machine;
  size: string;
  logs: number;
  started_at: string;
  duration_s: number;
  problems: string[];
  metrics: Metric[];
}

export function machine(): Machine {
  const list = cpus();
  return {
    cpus: list.length,
    cpu_model: list[0]?.model ?? 'unknown',
    mem_mb: Math.round(totalmem() / 2 ** 20),
    node: process.version,
    platform: process.platform,
    arch: process.arch,
    load_avg_1m: loadavg()[0] ?? 0,
  };
}

/** Collects metrics; `scale` says which size's targets (1M's, 10M's or none) apply to this run. */
export class Metrics {
  readonly list: Metric[] = [];
  constructor(private readonly scale: Scale) {}

  add(m: MetricInput): Metric {
    const better = m.better ?? 'lower';
    const fullTarget = m.targetAtFull;
    const sized = this.scale === 'full' ? fullTarget : this.scale === 'huge' ? m.targetAtHuge : undefined;
    const target = m.target ?? sized ?? null;
    const notes: string[] = [];
    if (m.note) notes.push(m.note);
    const sign = better === 'lower' ? '≤' : '≥';
    if (fullTarget !== undefined && this.scale !== 'full') notes.push(`target ${sign} ${fullTarget} at 1M logs`);
    if (m.targetAtHuge !== undefined && this.scale !== 'huge') notes.push(`target ${sign} ${m.targetAtHuge} at 10M logs`);
    const value = m.value !== null && Number.isFinite(m.value) ? m.value : null;
    const pass = value === null || target === null ? null : better === 'lower' ? value <= target : value >= target;
    const metric: Metric = { name: m.name, value, unit: m.unit, target, better, pass };
    if (notes.length > 0) metric.note = notes.join('; ');
    this.list.push(metric);
    return metric;
  }
}

function formatNumber(v: number | null): string {
  if (v === null) return '—';
  const abs = Math.abs(v);
  if (abs >= 1000) return Math.round(v).toLocaleString('en-US');
  if (abs >= 100) return v.toFixed(0);
  if (abs >= 10) return v.toFixed(1);
  if (abs >= 1) return v.toFixed(2);
  return v.toFixed(3);
}

const targetText = (m: Metric): string => (m.target === null ? '' : `${m.better === 'lower' ? '≤' : '≥'} ${formatNumber(m.target)}`);
const passText = (m: Metric): string => (m.pass === null ? '' : m.pass ? 'pass' : 'MISS');

/** The rows as text columns, for the terminal and for a Markdown table. */
function rows(metrics: readonly Metric[]): string[][] {
  return metrics.map((m) => [m.name, formatNumber(m.value), m.unit, targetText(m), passText(m), m.note ?? '']);
}

const HEADER = ['metric', 'value', 'unit', 'target', 'pass', 'note'];

export function formatTable(metrics: readonly Metric[]): string {
  const all = [HEADER, ...rows(metrics)];
  const widths = HEADER.map((_, c) => Math.max(...all.map((r) => r[c]!.length)));
  const line = (r: string[]) =>
    r.map((cell, c) => (c === 1 ? cell.padStart(widths[c]!) : cell.padEnd(widths[c]!))).join('  ').trimEnd();
  return [line(HEADER), widths.map((w) => '─'.repeat(w)).join('  '), ...rows(metrics).map(line)].join('\n');
}

export function formatMarkdown(metrics: readonly Metric[]): string {
  const esc = (s: string) => s.replaceAll('|', '\\|');
  return [
    `| ${HEADER.join(' | ')} |`,
    `|${HEADER.map((_, c) => (c === 1 ? '---:' : '---')).join('|')}|`,
    ...rows(metrics).map((r) => `| ${r.map(esc).join(' | ')} |`),
  ].join('\n');
}

export function writeReport(path: string, report: Report): void {
  writeFileSync(path, `${JSON.stringify(report, null, 2)}\n`);
}
