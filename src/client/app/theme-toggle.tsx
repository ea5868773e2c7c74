import DarkMode from '@mui/icons-material/DarkMode';
import LightMode from '@mui/icons-material/LightMode';
import SettingsBrightness from '@mui/icons-material/SettingsBrightness';
import ToggleButton from '@mui/material/ToggleButton';
import ToggleButtonGroup from '@mui/material/ToggleButtonGroup';
import { useColorScheme } from '@mui/material/styles';

const MODES = [
  { mode: 'light', label: 'Light theme', Icon: LightMode },
  { mode: 'dark', label: 'Dark theme', Icon: DarkMode },
  { mode: 'system', label: 'System theme', Icon: SettingsBrightness },
] as const;

/** Light / dark / system; MUI keeps the choice in localStorage and applies it before paint. */
export function ThemeToggle() {
  const { mode, setMode } = useColorScheme();
  return (
    <ToggleButtonGroup
      size="small"
      exclusive
      value={mode ?? 'system'}
      onChange={(_, next: 'light' | 'dark' | 'system' | null) => next && setMode(next)}
      aria-label="Theme"
      sx={{ bgcolor: 'background.paper' }}
    >
      {MODES.map(({ mode: m, label, Icon }) => (
        // A plain title, not a Tooltip: the shell is on every first load and Tooltip brings Popper along.
        <ToggleButton key={m} value={m} aria-label={label} title={label}>
          <Icon fontSize="small" />
        </ToggleButton>
      ))}
    </ToggleButtonGroup>
  );
}
