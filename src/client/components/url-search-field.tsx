import Search from '@mui/icons-material/Search';
import InputAdornment from '@mui/material/InputAdornment';
import TextField from '@mui/material/TextField';
import { useEffect, useRef, useState } from 'react';
import { useDebounced } from './filter-builder/use-match-count.ts';

interface UrlSearchFieldProps {
  label: string;
  placeholder?: string;
  /** The search as the URL has it. */
  value: string;
  /** Called with the settled text, 300 ms after typing pauses; the host writes it to the URL. */
  onSearch: (search: string) => void;
  minWidth?: number;
}

/**
 * A search box whose state is the URL's. Typing stays local until it pauses, so the URL (and the request)
 * follow words, not keystrokes; Back, Forward or a link change the search under the field and the field
 * follows them.
 */
export function UrlSearchField({ label, placeholder, value, onSearch, minWidth = 260 }: UrlSearchFieldProps) {
  const [text, setText] = useState(value);
  const settled = useDebounced(text, 300);
  const written = useRef(value);
  useEffect(() => {
    if (settled === value) return;
    written.current = settled;
    onSearch(settled);
    // Only a settled change of the text should write the URL.
  }, [settled]);
  // Follows the URL, but not our own writes, which may lag behind what is being typed.
  useEffect(() => {
    if (value === written.current) return;
    written.current = value;
    setText(value);
  }, [value]);
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
