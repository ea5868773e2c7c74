import { createTheme } from '@mui/material/styles';

/**
 * Light and dark schemes as CSS variables, switched by a class on <html>, so the user's choice
 * (light / dark / system) is applied before React paints and remembered by MUI in localStorage.
 */
export const theme = createTheme({
  cssVariables: { colorSchemeSelector: 'class' },
  colorSchemes: {
    // Status colours chosen for 4.5:1 text contrast where MUI's defaults fall short: white on the light
    // scheme's filled alerts and buttons (toasts, Delete), dark text on the dark scheme's. The threshold
    // makes MUI pick white text only where white reaches 4.5:1 (its default accepts 3:1).
    light: {
      palette: {
        contrastThreshold: 4.5,
        primary: { main: '#c2410c' },
        error: { main: '#b91c1c' },
        warning: { main: '#92400e' },
        info: { main: '#0369a1' },
        success: { main: '#166534' },
        background: { default: '#f6f7f9' },
      },
    },
    dark: {
      palette: {
        contrastThreshold: 4.5,
        primary: { main: '#fb923c' },
        error: { main: '#f87171' },
        warning: { main: '#fbbf24' },
        info: { main: '#38bdf8' },
        success: { main: '#4ade80' },
        background: { default: '#0f1115', paper: '#171a21' },
      },
    },
  },
  shape: { borderRadius: 8 },
  typography: { fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif' },
});

/** Where the chosen mode is kept between visits. */
export const THEME_MODE_STORAGE_KEY = 'aigc-theme-mode';
