import { createTheme } from '@mui/material/styles';

/**
 * Light and dark schemes as CSS variables, switched by a class on <html>, so the user's choice
 * (light / dark / system) is applied before React paints and remembered by MUI in localStorage.
 */
export const theme = createTheme({
  cssVariables: { colorSchemeSelector: 'class' },
  colorSchemes: {
    light: { palette: { primary: { main: '#c2410c' }, background: { default: '#f6f7f9' } } },
    dark: { palette: { primary: { main: '#fb923c' }, background: { default: '#0f1115', paper: '#171a21' } } },
  },
  shape: { borderRadius: 8 },
  typography: { fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif' },
});

/** Where the chosen mode is kept between visits. */
export const THEME_MODE_STORAGE_KEY = 'aigc-theme-mode';
