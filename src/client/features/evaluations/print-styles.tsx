import GlobalStyles from '@mui/material/GlobalStyles';

/**
 * Stakeholders print the detail and compare pages: keep the content, drop navigation and controls,
 * and print on white whatever the screen's colour scheme.
 */
export function PrintStyles() {
  return (
    <GlobalStyles
      styles={{
        '@media print': {
          'header, nav, .MuiAppBar-root, .MuiDrawer-root, .MuiSnackbar-root, .no-print, button, [role="button"]': {
            display: 'none !important',
          },
          // Paper and ink whatever the screen's scheme: the light palette's variables win over the dark ones.
          ':root, :root.dark, .dark': {
            '--mui-palette-background-default': '#fff !important',
            '--mui-palette-background-paper': '#fff !important',
            '--mui-palette-text-primary': 'rgba(0, 0, 0, 0.87) !important',
            '--mui-palette-text-secondary': 'rgba(0, 0, 0, 0.6) !important',
            '--mui-palette-divider': 'rgba(0, 0, 0, 0.12) !important',
            '--mui-palette-success-main': '#2e7d32 !important',
            '--mui-palette-error-main': '#d32f2f !important',
            '--mui-palette-TableCell-border': 'rgba(224, 224, 224, 1) !important',
            '--mui-overlays-1': 'none !important',
            colorScheme: 'light',
          },
          'html, body': { background: '#fff !important', color: '#000 !important' },
          main: { margin: '0 !important', padding: '0 !important', width: '100% !important' },
          '.MuiPaper-root': { boxShadow: 'none !important', breakInside: 'avoid' },
          a: { color: 'inherit !important', textDecoration: 'none !important' },
        },
      }}
    />
  );
}
