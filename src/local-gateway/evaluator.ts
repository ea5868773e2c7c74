import type { EvaluationType } from '../shared/evaluations.ts';
import { RESULT_STATUS } from '../shared/evaluations.ts';
import type { Aggregates } from './evaluation-aggregates.ts';
import type { Projections } from './projections.ts';
import type { QueryRunner } from './query-runner.ts';
import type { Store } from './store.ts';

const TYPES_CREATED = '2024-09-26T00:00:00.000Z';

/** The fixed evaluators, with stable ids so a saved evaluation keeps pointing at the same one. */
export const EVALUATION_TYPES: readonly EvaluationType[] = [
  {
    id: '8a0c6ef4c33e4d7f9b1e5d2a7c4f0b11',
    name: 'Cost',
    type: 'cost',
    description: 'Calculates the average cost of inference requests within the dataset (only for requests with cost data).',
    enable: true,
    mandatory: true,
    created_at: TYPES_CREATED,
    modified_at: TYPES_CREATED,
  },
  {
    id: '3f9d2b7a6e1c4a58b0d4c9e2f7a1b522',
    name: 'Speed',
    type: 'speed',
    description: 'Calculates the average duration of inference requests within the dataset.',
    enable: true,
    mandatory: true,
    created_at: TYPES_CREATED,
    modified_at: TYPES_CREATED,
  },
  {
    id: 'c5e1a9d3b7f24e6a8c0b2d4f6a8e1c33',
    name: 'Human feedback',
    type: 'performance',
    description:
      'Measures performance based on human feedback, calculated by the % of thumbs up on the logs, annotated from the Logs tab.',
    enable: true,
    mandatory: false,
    created_at: TYPES_CREATED,
    modified_at: TYPES_CREATED,
  },
];

export interface MetricOutcome {
  result: string;
  status: number;
  status_description: string;
  total_logs: number;
}

const done = (value: number, logs: number): MetricOutcome => ({
  result: String(value),
  status: RESULT_STATUS.done,
  status_description: 'Completed',
  total_logs: logs,
});
const failed = (why: string): MetricOutcome => ({ result: '', status: RESULT_STATUS.error, status_description: why, total_logs: 0 });

/** One evaluator's figure: Cost = mean cost of logs with a cost; Speed = mean duration (ms); Human feedback = % 👍 of rated. */
export function metric(type: string, a: Aggregates): MetricOutcome {
  switch (type) {
    case 'cost':
      return a.costLogs ? done(a.costSum / a.costLogs, a.costLogs) : failed('No logs with a cost');
    case 'speed':
      return a.durationLogs ? done(a.durationSum / a.durationLogs, a.durationLogs) : failed('No logs');
    case 'performance': {
      const rated = a.thumbsUp + a.thumbsDown;
      return rated ? done((100 * a.thumbsUp) / rated, rated) : failed('No logs rated thumbs up or thumbs down');
    }
    default:
      return failed(`Unknown evaluator type "${type}"`);
  }
}

/**
 * Runs evaluations after their create has committed: create answers `processed: false`, a job computes
 * every result and flips `processed` in one transaction. Unprocessed evaluations (say, after a crash) are
 * resumed at open.
 */
export class EvaluationJobs {
  private readonly timers = new Set<NodeJS.Timeout>();
  private closed = false;

  constructor(
    private readonly store: Store,
    private readonly projections: Projections,
    private readonly queries: QueryRunner,
    private readonly delayMs = 0,
  ) {}

  schedule(evaluationId: string): void {
    if (this.closed) return;
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      if (this.closed) return;
      this.runOffThread(evaluationId).catch((error: unknown) => {
        // The evaluation stays unprocessed and is retried at the next open; say why meanwhile.
        if (!this.closed) console.error(`local gateway: evaluation ${evaluationId} failed:`, error);
      });
    }, this.delayMs);
    this.timers.add(timer);
  }

  resumeUnprocessed(): void {
    for (const id of this.store.evaluations.unprocessedIds()) this.schedule(id);
  }

  /** Computes and stores one evaluation now, on this thread (the seed does, inside its transaction). */
  run(evaluationId: string): void {
    const evaluation = this.store.evaluations.getById(evaluationId);
    if (!evaluation || evaluation.processed) return;
    const cols = this.projections.get(evaluation.gateway_id);
    this.finish(evaluationId, this.queries.runInline(cols, 'aggregates', { datasetFilters: evaluation.datasets.map((d) => d.filters), untilMs: Date.parse(evaluation.created_at) }));
  }

  /** The same, with the scan on the query workers: a large evaluation does not hold up other requests. */
  private async runOffThread(evaluationId: string): Promise<void> {
    const evaluation = this.store.evaluations.getById(evaluationId);
    if (!evaluation || evaluation.processed) return;
    const cols = this.projections.get(evaluation.gateway_id);
    const figures = await this.queries.run(cols, 'aggregates', { datasetFilters: evaluation.datasets.map((d) => d.filters), untilMs: Date.parse(evaluation.created_at) });
    if (!this.closed) this.finish(evaluationId, figures);
  }

  private finish(evaluationId: string, figures: Aggregates): void {
    const evaluation = this.store.evaluations.getById(evaluationId);
    // Deleted (or finished by another run) meanwhile: nothing to store.
    if (!evaluation || evaluation.processed) return;
    const types = new Map(this.store.evaluationTypes.all().map((t) => [t.id, t]));
    const results = evaluation.results.map((r) => ({
      id: r.id,
      ...metric(types.get(r.evaluation_type_id)?.type ?? '', figures),
    }));
    this.store.evaluations.finish(evaluationId, figures.totalLogs, results);
  }

  close(): void {
    this.closed = true;
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
  }
}
