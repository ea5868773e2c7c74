import type { LogEntry, LogResultInfo } from '../../../shared/logs.ts';

/** What a match count answers: how many logs match, and the observed ranges among them. */
export interface LogCount {
  total_count: number;
  ranges: LogResultInfo;
}

/** Values seen in recent logs, offered by the filter builder's autocompletes, and the gateway's ranges. */
export type ObservedValues = Record<Extract<keyof LogEntry, 'provider' | 'model' | 'request_content_type' | 'response_content_type'>, string[]> & {
  /** The gateway's ranges over all its logs (the numeric pickers' hints). */
  ranges: LogResultInfo;
};
