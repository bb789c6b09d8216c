import type { ReactNode } from 'react';

/** Placeholder: the Postmortems view is being built. */
export function Postmortems({ params }: { params: URLSearchParams }): ReactNode {
  return (
    <div>
      <header className="page-head"><h1>Postmortems</h1></header>
      <p className="muted">{params.toString()}</p>
    </div>
  );
}
