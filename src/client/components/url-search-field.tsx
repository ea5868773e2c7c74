import Search from '@mui/icons-material/Search';
import InputAdornment from '@mui/material/InputAdornment';
import TextField from '@mui/material/TextField';
import { useEffect, useEffectEvent, useState } from 'react';
import { TYPING_PAUSE_MS } from '../lib/use-debounced.ts';

interface UrlSearchFieldProps {
  label: string;
  placeholder?: string;
  /** The search as the URL has it. */
  value: string;
  /** Called with the settled text once typing pauses; the host writes it to the URL. */
  onSearch: (search: string) => void;
  minWidth?: number;
}

/**
 * The one search box of the console, whose state is the URL's. Typing stays local until it pauses, so the
 * URL (and the request) follow words, not keystrokes; Back, Forward or a link change the search under the
 * field and the field follows them.
 */
export function UrlSearchField({ label, placeholder, value, onSearch, minWidth = 260 }: UrlSearchFieldProps) {
  const [text, setText] = useState(value);
  // The last text this field sent (or took from the URL), and the URL value it last saw.
  const [sent, setSent] = useState(value);
  const [seen, setSeen] = useState(value);
  if (value !== seen) {
    setSeen(value);
    // Our own write arriving late must not undo what was typed since; any other change is followed.
    if (value !== sent) {
      setSent(value);
      setText(value);
    }
  }
  const send = useEffectEvent((search: string) => {
    setSent(search);
    onSearch(search);
  });
  useEffect(() => {
    if (text === sent) return;
    const t = setTimeout(() => send(text), TYPING_PAUSE_MS);
    return () => clearTimeout(t);
  }, [text, sent]);
  return (
    <TextField
      label={label}
      placeholder={placeholder}
      size="small"
      type="search"
      value={text}
      onChange={(e) => setText(e.target.value)}
      sx={{ minWidth }}
      slotProps={{ input: { startAdornment: <InputAdornment position="start"><Search fontSize="small" /></InputAdornment> } }}
    />
  );
}
