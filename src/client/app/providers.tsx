import CssBaseline from '@mui/material/CssBaseline';
import { ThemeProvider } from '@mui/material/styles';
import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import { ToastProvider } from '../components/toast/toast-provider.tsx';
import { createQueryClient } from '../lib/query-client.ts';
import { BackgroundErrorToasts } from './background-error-toasts.tsx';
import { ServerReachabilityProvider } from './server-reachability-provider.tsx';
import { THEME_MODE_STORAGE_KEY, theme } from './theme.ts';

export function Providers({ children, client }: { children: ReactNode; client?: QueryClient }) {
  const [queryClient] = useState(() => client ?? createQueryClient());
  return (
    <QueryClientProvider client={queryClient}>
      <ThemeProvider theme={theme} defaultMode="system" modeStorageKey={THEME_MODE_STORAGE_KEY}>
        <CssBaseline enableColorScheme />
        <ToastProvider>
          <BackgroundErrorToasts />
          <ServerReachabilityProvider>{children}</ServerReachabilityProvider>
        </ToastProvider>
      </ThemeProvider>
    </QueryClientProvider>
  );
}
