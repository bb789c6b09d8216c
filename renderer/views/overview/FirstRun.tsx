import { useState, type ReactNode } from 'react';
import { hrefs } from '../../app/routes.ts';
import { useQuery } from '../../lib/use-query.ts';
import { useEngine } from '../../stores/engine.ts';

/** Vendors most teams depend on: one click each to start watching. */
const POPULAR = ['github', 'stripe', 'slack', 'cloudflare', 'aws', 'google-cloud', 'azure', 'openai', 'vercel', 'twilio', 'datadog', 'sentry'];

/** The empty watchlist: pick vendors in one click each, or go find any other. */
export function FirstRun(): ReactNode {
  const client = useEngine((s) => s.client);
  const catalog = useQuery('catalog:popular', (c) => c.catalog.search({ query: '', limit: 500 }), false);
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const popular = POPULAR.flatMap((id) => catalog.data?.find((e) => e.id === id) ?? []);
  const add = async (id: string): Promise<void> => {
    if (!client) return;
    setBusy(id);
    const added = await client.vendors.add({ idOrUrl: id });
    setBusy(null);
    setError(added.ok ? null : added.error.message);
  };
  return (
    <section className="first-run" aria-labelledby="first-run-title">
      <h2 id="first-run-title">Which vendors do you depend on?</h2>
      <p className="muted">Upstream checks their public status pages and tells you the moment one of them has an incident. Pick a few to start; you can change this any time.</p>
      <div className="chip-grid">
        {popular.map((entry) => (
          <button key={entry.id} type="button" className="chip" disabled={busy !== null} onClick={() => void add(entry.id)}>
            + {entry.name}
          </button>
        ))}
      </div>
      {error ? <p role="alert" className="form-error">{error}</p> : null}
      <p><a href={hrefs.settings({ section: 'vendors' })}>Search 230+ vendors, or add any status page by its URL →</a></p>
    </section>
  );
}
