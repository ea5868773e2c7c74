import type { EvaluationType } from '../../../shared/evaluations.ts';
import { formatMs, formatNumber, formatPercent, formatUsd, MISSING } from '../../lib/format.ts';

/** What an evaluator measures, which decides its unit. Cloudflare does not document the `type` strings, so the name is a fallback. */
export type ResultKind = 'cost' | 'speed' | 'feedback' | 'other';

export const UNITS: Readonly<Record<ResultKind, string>> = { cost: 'USD', speed: 'ms', feedback: '%', other: '' };

/** Reads the kind from `type` (cost / speed / performance) first, then from the name. */
export function resultKind(evaluator: Pick<EvaluationType, 'type' | 'name'> | undefined): ResultKind {
  if (!evaluator) return 'other';
  const byType = kindFromWord(evaluator.type);
  return byType !== 'other' ? byType : kindFromWord(evaluator.name);
}

function kindFromWord(word: string): ResultKind {
  const w = word.toLowerCase();
  if (/cost|price|spend/.test(w)) return 'cost';
  if (/speed|latency|duration/.test(w)) return 'speed';
  if (/performance|feedback|thumb/.test(w)) return 'feedback';
  return 'other';
}

/**
 * The result as a number, or null when it is missing or not a plain number. The API sends a string
 * whose format is undocumented, so anything but a finite decimal is left to be shown as raw text.
 */
export function parseResult(raw: string | null | undefined): number | null {
  if (raw == null) return null;
  const text = raw.trim();
  if (!/^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(text)) return null;
  const n = Number(text);
  return Number.isFinite(n) ? n : null;
}

/** A number in the evaluator's unit (no raw-text fallback: the caller already has a number). */
export function formatValue(kind: ResultKind, value: number): string {
  switch (kind) {
    case 'cost':
      return formatUsd(value);
    case 'speed':
      return formatMs(value);
    case 'feedback':
      return formatPercent(value);
    case 'other':
      return formatNumber(value);
  }
}

/**
 * A result as shown on screen and in exports: its unit when it parses as a number, the raw text when it
 * does not (so data made elsewhere still shows), and "—" when there is none.
 */
export function formatResult(kind: ResultKind, raw: string | null | undefined): string {
  if (raw == null || raw.trim() === '') return MISSING;
  const value = parseResult(raw);
  return value === null ? raw : formatValue(kind, value);
}
