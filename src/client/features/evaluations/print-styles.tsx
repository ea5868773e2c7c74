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
          'html, body': { background: '#fff !important', color: '#000 !important' },
          main: { margin: '0 !important', padding: '0 !important', width: '100% !important' },
          '.MuiPaper-root': { boxShadow: 'none !important', breakInside: 'avoid' },
          a: { color: 'inherit !important', textDecoration: 'none !important' },
        },
      }}
    />
  );
}
