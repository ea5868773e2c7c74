import type { Feedback } from './log-mutations.ts';

/** Saves a thumb on the log `id`. */
export type OnFeedback = (id: string, next: Feedback) => void;

// The Material "ThumbUp" / "ThumbDown" icons, filled and outlined, as the detail drawer's buttons show them.
const UP = 'M1 21h4V9H1zm22-11c0-1.1-.9-2-2-2h-6.31l.95-4.57.03-.32c0-.41-.17-.79-.44-1.06L14.17 1 7.59 7.59C7.22 7.95 7 8.45 7 9v10c0 1.1.9 2 2 2h9c.83 0 1.54-.5 1.84-1.22l3.02-7.05c.09-.23.14-.47.14-.73z';
const UP_OUTLINED =
  'M9 21h9c.83 0 1.54-.5 1.84-1.22l3.02-7.05c.09-.23.14-.47.14-.73v-2c0-1.1-.9-2-2-2h-6.31l.95-4.57.03-.32c0-.41-.17-.79-.44-1.06L14.17 1 7.58 7.59C7.22 7.95 7 8.45 7 9v10c0 1.1.9 2 2 2M9 9l4.34-4.34L12 10h9v2l-3 7H9zM1 9h4v12H1z';
const DOWN = 'M15 3H6c-.83 0-1.54.5-1.84 1.22l-3.02 7.05c-.09.23-.14.47-.14.73v2c0 1.1.9 2 2 2h6.31l-.95 4.57-.03.32c0 .41.17.79.44 1.06L9.83 23l6.59-6.59c.36-.36.58-.86.58-1.41V5c0-1.1-.9-2-2-2m4 0v12h4V3z';
const DOWN_OUTLINED =
  'M15 3H6c-.83 0-1.54.5-1.84 1.22l-3.02 7.05c-.09.23-.14.47-.14.73v2c0 1.1.9 2 2 2h6.31l-.95 4.57-.03.32c0 .41.17.79.44 1.06L9.83 23l6.59-6.59c.36-.36.58-.86.58-1.41V5c0-1.1-.9-2-2-2m0 12-4.34 4.34L12 14H3v-2l3-7h9zm4-12h4v12h-4z';

/**
 * 👍 / 👎 on one listed log, as `FeedbackButtons` (the detail drawer's) behaves: pressing the active thumb
 * again clears it. Plain buttons styled by `logCellsSx`: a list mounts dozens of rows per scrolled frame,
 * and MUI's icon buttons (styles serialised per instance, a ripple each) made those frames long.
 */
export function RowThumbs({ id, value, onFeedback }: { id: string; value: number | null | undefined; onFeedback: OnFeedback }) {
  const up = value === 1;
  const down = value === -1;
  const press = (next: Feedback) => onFeedback(id, next);
  return (
    <span className="log-thumbs">
      <button type="button" className={up ? 'log-thumb log-up' : 'log-thumb'} aria-label="Thumbs up" aria-pressed={up} onClick={() => press(up ? 0 : 1)}>
        <svg viewBox="0 0 24 24" aria-hidden="true" focusable="false">
          <path d={up ? UP : UP_OUTLINED} />
        </svg>
      </button>
      <button type="button" className={down ? 'log-thumb log-down' : 'log-thumb'} aria-label="Thumbs down" aria-pressed={down} onClick={() => press(down ? 0 : -1)}>
        <svg viewBox="0 0 24 24" aria-hidden="true" focusable="false">
          <path d={down ? DOWN : DOWN_OUTLINED} />
        </svg>
      </button>
    </span>
  );
}
