import type { ReactNode } from 'react';

/** A designed empty state: what is missing, why, and the one action that fixes it. */
export function EmptyState({ title, children, action }: { title: string; children?: ReactNode; action?: ReactNode }): ReactNode {
  return (
    <div className="empty" role="status">
      <h2>{title}</h2>
      {children ? <div className="muted">{children}</div> : null}
      {action ? <div className="empty-action">{action}</div> : null}
    </div>
  );
}

export function Loading({ what }: { what: string }): ReactNode {
  return (
    <div className="loading" role="status" aria-live="polite">
      <span className="spinner" aria-hidden="true" /> Loading {what}…
    </div>
  );
}

export function ErrorNote({ title, message, retry }: { title: string; message: string; retry?: () => void }): ReactNode {
  return (
    <div className="error-note" role="alert">
      <strong>{title}</strong>
      <span>{message}</span>
      {retry ? <button type="button" className="button small" onClick={retry}>Try again</button> : null}
    </div>
  );
}

export function Banner({ tone, children }: { tone: 'info' | 'warning' | 'error'; children: ReactNode }): ReactNode {
  return <div className={`banner banner-${tone}`} role={tone === 'error' ? 'alert' : 'status'}>{children}</div>;
}
