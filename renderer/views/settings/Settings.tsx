import type { ReactNode } from 'react';

/** Placeholder: the Settings view is being built. */
export function Settings({ params }: { params: URLSearchParams }): ReactNode {
  return (
    <div>
      <header className="page-head"><h1>Settings</h1></header>
      <p className="muted">{params.toString()}</p>
    </div>
  );
}
