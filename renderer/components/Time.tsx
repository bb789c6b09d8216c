import { useEffect, useState, type ReactNode } from 'react';
import { formatAbsolute, formatRelative } from '../lib/time.ts';

/** Re-render every minute so "5 min ago" keeps telling the truth. */
export function useNow(intervalMs = 30_000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const t = setInterval(() => setNow(Date.now()), intervalMs);
    return () => clearInterval(t);
  }, [intervalMs]);
  return now;
}

/** An instant: absolute in the user's zone, with the relative form beside it or in its title. */
export function Time({ iso, mode = 'both' }: { iso: string; mode?: 'both' | 'absolute' | 'relative' }): ReactNode {
  const now = useNow();
  const absolute = formatAbsolute(iso, { now });
  const relative = formatRelative(iso, now);
  if (mode === 'absolute') return <time dateTime={iso} title={relative}>{absolute}</time>;
  if (mode === 'relative') return <time dateTime={iso} title={absolute}>{relative}</time>;
  return (
    <time dateTime={iso}>
      {absolute} <span className="muted">· {relative}</span>
    </time>
  );
}
