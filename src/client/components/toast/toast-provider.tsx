import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Snackbar from '@mui/material/Snackbar';
import { useTheme } from '@mui/material/styles';
import useMediaQuery from '@mui/material/useMediaQuery';
import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';

export interface Toast {
  message: string;
  severity?: 'success' | 'info' | 'warning' | 'error';
  /** One action button, e.g. Undo. */
  action?: { label: string; onClick: () => void };
  autoHideMs?: number;
}

type ShowToast = (toast: Toast) => void;
const ToastContext = createContext<ShowToast | null>(null);

/** Shows one toast at a time; a new toast replaces the current one (the newest thing is what matters). */
export function ToastProvider({ children }: { children: ReactNode }) {
  const [current, setCurrent] = useState<(Toast & { id: number }) | null>(null);
  const [open, setOpen] = useState(false);
  const show = useCallback<ShowToast>((toast) => {
    setCurrent({ ...toast, id: Date.now() + Math.random() });
    setOpen(true);
  }, []);
  const value = useMemo(() => show, [show]);
  const phone = useMediaQuery(useTheme().breakpoints.down('sm'));
  const close = (_: unknown, reason?: string) => {
    if (reason !== 'clickaway') setOpen(false);
  };
  return (
    <ToastContext.Provider value={value}>
      {children}
      {/* A landmark, so the toast's text is not content outside every region. */}
      <section aria-label="Notifications">
        <Snackbar
          key={current?.id}
          open={open}
          autoHideDuration={current?.autoHideMs ?? 5000}
          onClose={close}
          // Forms end in their primary button (Run evaluation, Save), which the user scrolls down to. On a wide
          // screen the toast sits bottom right, narrow enough to stay clear of those buttons on the left; on a
          // phone it spans the width, so it goes to the top, over the one-row header, where no form action is.
          anchorOrigin={phone ? { vertical: 'top', horizontal: 'center' } : { vertical: 'bottom', horizontal: 'right' }}
        >
          <Alert
            severity={current?.severity ?? 'info'}
            variant="filled"
            sx={{ width: '100%', maxWidth: { sm: 480 } }}
            onClose={() => setOpen(false)}
            action={
              current?.action ? (
                <Button
                  color="inherit"
                  size="small"
                  onClick={() => {
                    current.action?.onClick();
                    setOpen(false);
                  }}
                >
                  {current.action.label}
                </Button>
              ) : undefined
            }
          >
            {current?.message}
          </Alert>
        </Snackbar>
      </section>
    </ToastContext.Provider>
  );
}

export function useToast(): ShowToast {
  const show = useContext(ToastContext);
  if (!show) throw new Error('useToast() needs <ToastProvider>');
  return show;
}
