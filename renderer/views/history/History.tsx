import type { ReactNode } from 'react';

/** Placeholder: the History view is being built. */
export function History({ params }: { params: URLSearchParams }): ReactNode {
  return (
    <div>
      <header className="page-head"><h1>History</h1></header>
      <p className="muted">{params.toString()}</p>
    </div>
  );
}
