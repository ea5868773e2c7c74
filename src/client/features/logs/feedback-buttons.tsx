import ThumbDown from '@mui/icons-material/ThumbDown';
import ThumbDownOutlined from '@mui/icons-material/ThumbDownOutlined';
import ThumbUp from '@mui/icons-material/ThumbUp';
import ThumbUpOutlined from '@mui/icons-material/ThumbUpOutlined';
import IconButton from '@mui/material/IconButton';
import Stack from '@mui/material/Stack';
import type { Feedback } from './log-mutations.ts';

/** 👍 / 👎 on one log; pressing the active thumb again clears the feedback. */
export function FeedbackButtons({ value, onChange }: { value: number | null | undefined; onChange: (next: Feedback) => void }) {
  const up = value === 1;
  const down = value === -1;
  return (
    <Stack direction="row">
      <IconButton size="small" aria-label="Thumbs up" aria-pressed={up} color={up ? 'success' : 'default'} onClick={() => onChange(up ? 0 : 1)}>
        {up ? <ThumbUp fontSize="small" /> : <ThumbUpOutlined fontSize="small" />}
      </IconButton>
      <IconButton size="small" aria-label="Thumbs down" aria-pressed={down} color={down ? 'error' : 'default'} onClick={() => onChange(down ? 0 : -1)}>
        {down ? <ThumbDown fontSize="small" /> : <ThumbDownOutlined fontSize="small" />}
      </IconButton>
    </Stack>
  );
}
