/** Flush at least this often, so a line shows up within a fraction of a second. */
const FLUSH_MS = 100;
/** …or once this much text is waiting. */
const FLUSH_BYTES = 16 * 1024;

/** Every buffer's flush, run once when the process exits (one listener however many buffers exist). */
const flushers = new Set<() => void>();
process.once('exit', () => flushers.forEach((flush) => flush()));

/**
 * Collects log lines and writes them in batches. A write to stdout is a system call (synchronous for
 * files and pipes), and one per request cost as much as the rest of a cheap read; batched, it is one
 * call per 100 ms or 16 KB. Lines still waiting are written when the process exits normally; a process
 * killed with SIGKILL may lose the last 100 ms of request lines (never anything the store acknowledged).
 */
export function bufferedLines(write: (chunk: string) => void): (line: string) => void {
  let pending: string[] = [];
  let bytes = 0;
  let timer: NodeJS.Timeout | undefined;
  const flush = () => {
    if (timer) clearTimeout(timer);
    timer = undefined;
    if (pending.length === 0) return;
    const chunk = `${pending.join('\n')}\n`;
    pending = [];
    bytes = 0;
    write(chunk);
  };
  flushers.add(flush);
  return (line) => {
    pending.push(line);
    bytes += line.length + 1;
    if (bytes >= FLUSH_BYTES) flush();
    // Unref'd: a waiting flush never keeps the process alive (exit flushes).
    else timer ??= setTimeout(flush, FLUSH_MS).unref();
  };
}
