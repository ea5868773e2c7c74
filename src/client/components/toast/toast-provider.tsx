import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Snackbar from '@mui/material/Snackbar';
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
          // Bottom right: forms end in their primary button on the left (Run evaluation, Save), never under a toast.
          anchorOrigin={{ vertical: 'bottom', horizontal: 'right' }}
        >
          <Alert
            severity={current?.severity ?? 'info'}
            variant="filled"
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
