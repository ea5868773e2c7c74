import type { LogEntry } from '../../../shared/logs.ts';
import { formatUsd, formatCount, formatDateTime } from '../../lib/format.ts';
import type { OnFeedback } from './log-cells.tsx';
import type { Feedback } from './log-mutations.ts';

/**
 * One log's cells in the continuous grid, as plain elements styled by classes the grid declares once
 * (`gridRowsSx`). The paged table keeps the MUI cells; here rows mount by the dozen on every scrolled frame
 * and a page's worth at once when it lands, and MUI's cells, chip and icon buttons (each serialising its
 * styles, the buttons with their ripple) made those frames long. Same columns, text and roles as `LogCells`.
 */
export function GridLogCells({ log, onFeedback }: { log: LogEntry; onFeedback: OnFeedback }) {
  return (
    <>
      <div role="gridcell" className="log-grid-td">
        {formatDateTime(log.created_at)}
      </div>
      <div role="gridcell" className="log-grid-td">
        {log.provider}
      </div>
      <div role="gridcell" className="log-grid-td">
        {log.model}
      </div>
      <div role="gridcell" className="log-grid-td">
        <span className={log.success ? 'log-grid-chip log-grid-ok' : 'log-grid-chip log-grid-err'}>{log.success ? 'Success' : 'Error'}</span>
      </div>
      <div role="gridcell" className="log-grid-td">
        {log.cached ? 'Cached' : '—'}
      </div>
      <div role="gridcell" className="log-grid-td log-grid-num">
        {formatCount(log.tokens_in)}
      </div>
      <div role="gridcell" className="log-grid-td log-grid-num">
        {formatCount(log.tokens_out)}
      </div>
      <div role="gridcell" className="log-grid-td log-grid-num">
        {formatUsd(log.cost)}
      </div>
      <div role="gridcell" className="log-grid-td log-grid-num">
        {formatCount(log.duration, ' ms')}
      </div>
      {/* The thumbs act on their own; a click on them is not a click on the row. */}
      <div role="gridcell" className="log-grid-td" onClick={(e) => e.stopPropagation()}>
        <Thumbs id={log.id} value={log.feedback} onFeedback={onFeedback} />
      </div>
    </>
  );
}

// The Material "ThumbUp" / "ThumbDown" icons, filled and outlined, as the detail drawer's buttons show them.
const UP = 'M1 21h4V9H1zm22-11c0-1.1-.9-2-2-2h-6.31l.95-4.57.03-.32c0-.41-.17-.79-.44-1.06L14.17 1 7.59 7.59C7.22 7.95 7 8.45 7 9v10c0 1.1.9 2 2 2h9c.83 0 1.54-.5 1.84-1.22l3.02-7.05c.09-.23.14-.47.14-.73z';
const UP_OUTLINED =
  'M9 21h9c.83 0 1.54-.5 1.84-1.22l3.02-7.05c.09-.23.14-.47.14-.73v-2c0-1.1-.9-2-2-2h-6.31l.95-4.57.03-.32c0-.41-.17-.79-.44-1.06L14.17 1 7.58 7.59C7.22 7.95 7 8.45 7 9v10c0 1.1.9 2 2 2M9 9l4.34-4.34L12 10h9v2l-3 7H9zM1 9h4v12H1z';
const DOWN = 'M15 3H6c-.83 0-1.54.5-1.84 1.22l-3.02 7.05c-.09.23-.14.47-.14.73v2c0 1.1.9 2 2 2h6.31l-.95 4.57-.03.32c0 .41.17.79.44 1.06L9.83 23l6.59-6.59c.36-.36.58-.86.58-1.41V5c0-1.1-.9-2-2-2m4 0v12h4V3z';
const DOWN_OUTLINED =
  'M15 3H6c-.83 0-1.54.5-1.84 1.22l-3.02 7.05c-.09.23-.14.47-.14.73v2c0 1.1.9 2 2 2h6.31l-.95 4.57-.03.32c0 .41.17.79.44 1.06L9.83 23l6.59-6.59c.36-.36.58-.86.58-1.41V5c0-1.1-.9-2-2-2m0 12-4.34 4.34L12 14H3v-2l3-7h9zm4-12h4v12h-4z';

/** 👍 / 👎 on one log, as `FeedbackButtons` behaves: pressing the active thumb again clears it. */
function Thumbs({ id, value, onFeedback }: { id: string; value: number | null | undefined; onFeedback: OnFeedback }) {
  const up = value === 1;
  const down = value === -1;
  const press = (next: Feedback) => onFeedback(id, next);
  return (
    <span className="log-grid-thumbs">
      <button type="button" className={up ? 'log-grid-thumb log-grid-up' : 'log-grid-thumb'} aria-label="Thumbs up" aria-pressed={up} onClick={() => press(up ? 0 : 1)}>
        <svg viewBox="0 0 24 24" aria-hidden="true" focusable="false">
          <path d={up ? UP : UP_OUTLINED} />
        </svg>
      </button>
      <button type="button" className={down ? 'log-grid-thumb log-grid-down' : 'log-grid-thumb'} aria-label="Thumbs down" aria-pressed={down} onClick={() => press(down ? 0 : -1)}>
        <svg viewBox="0 0 24 24" aria-hidden="true" focusable="false">
          <path d={down ? DOWN : DOWN_OUTLINED} />
        </svg>
      </button>
    </span>
  );
}
