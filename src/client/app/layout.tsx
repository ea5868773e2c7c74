import Close from '@mui/icons-material/Close';
import MenuIcon from '@mui/icons-material/Menu';
import AppBar from '@mui/material/AppBar';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Container from '@mui/material/Container';
import Stack from '@mui/material/Stack';
import Toolbar from '@mui/material/Toolbar';
import Typography from '@mui/material/Typography';
import { Suspense, useId, useState } from 'react';
import { NavLink, Outlet, useLocation, useParams } from 'react-router';
import { LoadingLines } from '../components/query-boundary.tsx';
import { TimeZoneNote } from '../components/time-zone-note.tsx';
import { GatewaySwitcher } from './gateway-switcher.tsx';
import { ModeBadge } from './mode-badge.tsx';
import { SessionBanner } from './session-banner.tsx';
import { SourcesChip } from './sources-chip.tsx';
import { ThemeToggle } from './theme-toggle.tsx';

const NAV = [
  { to: 'logs', label: 'Logs' },
  { to: 'datasets', label: 'Datasets' },
  { to: 'evaluations', label: 'Evaluations' },
  { to: 'sources', label: 'Sources' },
] as const;

/**
 * The shell's controls: mode, gateway, sections and theme. In a row on the bar of a wide window; in a column
 * inside the menu on a phone, where the section links fill the width so they are easy to hit.
 */
function ShellControls({ gw, direction }: { gw: string | undefined; direction: 'row' | 'column' }) {
  const column = direction === 'column';
  return (
    <>
      <ModeBadge />
      <GatewaySwitcher />
      <SourcesChip />
      {gw && (
        <Stack component="nav" aria-label="Sections" direction={direction} spacing={0.5} sx={{ alignSelf: column ? 'stretch' : undefined }}>
          {NAV.map((item) => (
            <Button
              key={item.to}
              component={NavLink}
              to={`/gateways/${encodeURIComponent(gw)}/${item.to}`}
              // The primary colour on the selected tint falls under 4.5:1 in the light scheme; the active
              // section reads in the text colour, marked by weight and tint (and aria-current).
              sx={{
                justifyContent: column ? 'flex-start' : undefined,
                '&.active': { bgcolor: 'action.selected', color: 'text.primary', fontWeight: 700 },
              }}
            >
              {item.label}
            </Button>
          ))}
        </Stack>
      )}
      {!column && <Box sx={{ flexGrow: 1 }} />}
      <ThemeToggle />
    </>
  );
}

/** `pending`: the first page's code is still loading (the router's HydrateFallback): the shell shows at once, its page as loading. */
export function Layout({ pending = false }: { pending?: boolean }) {
  const { gw } = useParams();
  const location = useLocation();
  const menuId = useId();
  const [menuOpen, setMenuOpen] = useState(false);
  // Any navigation (a section, another gateway, Back) closes the menu: its job is done.
  const [seenKey, setSeenKey] = useState(location.key);
  if (location.key !== seenKey) {
    setSeenKey(location.key);
    setMenuOpen(false);
  }
  return (
    <Box sx={{ minHeight: '100vh', bgcolor: 'background.default' }}>
      {/* Keyboard users skip the shell's controls; it shows only while focused. */}
      <Box
        component="a"
        href="#main"
        sx={{
          position: 'absolute',
          left: 8,
          top: -48,
          zIndex: 'tooltip',
          p: 1,
          bgcolor: 'background.paper',
          color: 'text.primary',
          '&:focus': { top: 8 },
        }}
      >
        Skip to content
      </Box>
      <AppBar position="sticky" color="default" elevation={0} sx={{ borderBottom: 1, borderColor: 'divider' }}>
        <Toolbar sx={{ gap: 2, py: 1, flexWrap: { md: 'wrap' } }}>
          <Typography variant="h6" component="p" sx={{ fontWeight: 700, whiteSpace: 'nowrap', flexGrow: { xs: 1, md: 0 } }}>
            AI Gateway Console
          </Typography>
          {/* Wide windows: everything on one bar. */}
          <Box sx={{ display: { xs: 'none', md: 'contents' } }}>
            <ShellControls gw={gw} direction="row" />
          </Box>
          {/* Phones and narrow windows: one row, the rest behind a menu button. */}
          <Button
            variant="outlined"
            color="inherit"
            startIcon={menuOpen ? <Close /> : <MenuIcon />}
            aria-expanded={menuOpen}
            aria-controls={menuId}
            onClick={() => setMenuOpen((open) => !open)}
            sx={{ display: { xs: 'inline-flex', md: 'none' }, flexShrink: 0 }}
          >
            Menu
          </Button>
        </Toolbar>
        {menuOpen && (
          <Box id={menuId} sx={{ display: { xs: 'block', md: 'none' }, px: 2, pb: 2 }}>
            <Stack spacing={2} sx={{ alignItems: 'flex-start' }}>
              <ShellControls gw={gw} direction="column" />
            </Stack>
          </Box>
        )}
      </AppBar>
      <Container component="main" id="main" tabIndex={-1} maxWidth="xl" sx={{ py: 3, outline: 'none' }}>
        {/* useFlexGap: spacing by gap, not by sibling-order margin rules, so a virtualized list in a page
            does not restyle every row when rows before it come and go. */}
        <Stack spacing={2} useFlexGap>
          <SessionBanner />
          {pending ? (
            <LoadingLines />
          ) : (
            <Suspense fallback={<LoadingLines />}>
              <Outlet />
            </Suspense>
          )}
        </Stack>
        <TimeZoneNote />
      </Container>
    </Box>
  );
}
