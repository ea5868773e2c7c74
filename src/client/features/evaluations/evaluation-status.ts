import { RESULT_STATUS, type Evaluation } from '../../../shared/evaluations.ts';

/**
 * One status per evaluation. `processed` alone says whether the job finished; the results say how:
 * - running: not processed yet;
 * - error: processed, and no evaluator produced a figure (every result errored, or there are none);
 * - partial: processed, some evaluators produced a figure and some errored (typically no data, e.g. no
 *   rated logs for human feedback): shown as Done with a warning, since the other figures are usable;
 * - done: processed, every result is done.
 */
export type EvaluationStatus = 'running' | 'done' | 'partial' | 'error';

export function evaluationStatus(e: Pick<Evaluation, 'processed' | 'results'>): EvaluationStatus {
  if (!e.processed) return 'running';
  const errored = e.results.filter((r) => r.status === RESULT_STATUS.error).length;
  if (e.results.length === 0 || errored === e.results.length) return 'error';
  return errored > 0 ? 'partial' : 'done';
}

export const STATUS_LABELS: Readonly<Record<EvaluationStatus, string>> = {
  running: 'Running',
  done: 'Done',
  partial: 'Done',
  error: 'Error',
};

/** A result's own status, for the Status column ("Done", "Error: no rated logs"). */
export function resultStatusLabel(status: number): string {
  if (status === RESULT_STATUS.pending) return 'Pending';
  if (status === RESULT_STATUS.done) return 'Done';
  if (status === RESULT_STATUS.error) return 'Error';
  return `Status ${status}`;
}

/** Polling back-off: 1 s, 2 s, 4 s, 8 s, then every 10 s; `fetches` counts the answers so far (≥ 1). */
export function pollDelay(fetches: number): number {
  return Math.min(1000 * 2 ** Math.max(0, fetches - 1), 10_000);
}

/** How long after creation an unfinished evaluation is called stuck; the local job takes well under a second. */
export const STUCK_AFTER_MS = 60_000;

export function isStuck(e: Pick<Evaluation, 'processed' | 'created_at'>, now: number, stuckAfterMs = STUCK_AFTER_MS): boolean {
  if (e.processed) return false;
  const created = Date.parse(e.created_at);
  return !Number.isNaN(created) && now - created >= stuckAfterMs;
}

/** Descriptions that only restate a finished result ("Done — Completed" would say one thing twice). */
const RESTATES_DONE = /^(done|complete|completed|success|successful|succeeded|finished|ok)\.?$/i;

/** The Status column's text: the label, and the upstream's description when it adds something. */
export function resultStatusText(status: number, description: string): string {
  const label = resultStatusLabel(status);
  const extra = description.trim();
  if (!extra || extra.toLowerCase() === label.toLowerCase() || (status === RESULT_STATUS.done && RESTATES_DONE.test(extra))) return label;
  return `${label} — ${extra}`;
}
