import type { ReactNode } from 'react';

/** Placeholder: the Maintenance view is being built. */
export function Calendar({ params }: { params: URLSearchParams }): ReactNode {
  return (
    <div>
      <header className="page-head"><h1>Maintenance</h1></header>
      <p className="muted">{params.toString()}</p>
    </div>
  );
}
