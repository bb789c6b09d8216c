import { useEffect, useRef, useState, type ReactNode } from 'react';
import type { WatchedVendor } from '../../../shared/contract/settings.ts';
import type { VendorView } from '../../../shared/contract/vendors.ts';
import { StatusDot, StatusWord } from '../../components/Status.tsx';
import { useNow } from '../../components/Time.tsx';
import { useEngine } from '../../stores/engine.ts';
import { AddByUrl } from './AddByUrl.tsx';
import { CatalogSearch } from './CatalogSearch.tsx';
import { OutcomeNote, useOutcome, type OutcomeHandle } from './outcome.tsx';
import { activeSnooze, domId, intervalWords, rulesOf, untilWords } from './prefs.ts';
import { VendorDetail } from './VendorDetail.tsx';

/** The watchlist: add from the catalogue or by URL, and each vendor's own settings. */
export function VendorsSection({ openVendor, onOpenVendor }: { openVendor: string | null; onOpenVendor(vendorId: string | null): void }): ReactNode {
  const vendors = useEngine((s) => s.vendors);
  const watchlist = useEngine((s) => s.settings?.watchlist);
  const search = useRef<HTMLInputElement>(null);
  // Removal's outcome lives here: the row it came from is gone once the engine applies it.
  const removal = useOutcome();
  const watched = new Set(vendors.map((v) => v.source.id));
  for (const v of watchlist ?? []) watched.add(v.id);
  const byId = new Map((watchlist ?? []).map((v) => [v.id, v]));
  return (
    <section className="settings-section" aria-labelledby="settings-vendors-title">
      <header className="settings-section-head">
        <h2 id="settings-vendors-title">Vendors</h2>
        <p className="muted">The status pages Upstream checks for you. Their history stays on this computer.</p>
      </header>

      <div className="settings-card settings-add" role="group" aria-labelledby="settings-add-title">
        <h3 id="settings-add-title">Add a vendor</h3>
        <CatalogSearch watched={watched} inputRef={search} />
        <AddByUrl watched={watched} />
      </div>

      <div className="settings-subsection">
        <h3 id="settings-watchlist-title">
          Watchlist {vendors.length ? <span className="count">{vendors.length}</span> : null}
        </h3>
        <OutcomeNote outcome={removal.outcome} className="settings-block-outcome" />
        {vendors.length === 0 ? (
          <div className="empty settings-empty" role="status">
            <h4>No vendors watched yet</h4>
            <p className="muted">Search the catalogue above for the services you depend on (GitHub, Stripe, AWS…), or paste any status page's URL. Upstream starts checking a vendor the moment you add it.</p>
            <button type="button" className="button primary" onClick={() => search.current?.focus()}>Search the catalogue</button>
          </div>
        ) : (
          <ul className="settings-vendors" aria-labelledby="settings-watchlist-title">
            {vendors.map((vendor) => (
              <VendorRow
                key={vendor.source.id}
                vendor={vendor}
                watched={byId.get(vendor.source.id)}
                removal={removal}
                open={openVendor === vendor.source.id}
                onToggle={(open) => onOpenVendor(open ? vendor.source.id : null)}
              />
            ))}
          </ul>
        )}
      </div>
    </section>
  );
}

function VendorRow({ vendor, watched, removal, open, onToggle }: {
  vendor: VendorView; watched: WatchedVendor | undefined; removal: OutcomeHandle; open: boolean; onToggle(open: boolean): void;
}): ReactNode {
  const client = useEngine((s) => s.client);
  const settings = useEngine((s) => s.settings);
  const now = useNow(15_000);
  const [confirming, setConfirming] = useState(false);
  const confirmButton = useRef<HTMLButtonElement>(null);
  const removeButton = useRef<HTMLButtonElement>(null);
  const id = vendor.source.id;
  const name = vendor.source.name;
  const detailId = domId('settings-vendor-detail', id);
  const muted = rulesOf(settings, id).rules.threshold === 'muted';
  const snoozed = activeSnooze(settings, id, now);
  const filtered = watched?.components.length ?? 0;
  useEffect(() => {
    if (confirming) confirmButton.current?.focus();
  }, [confirming]);
  const remove = async (): Promise<void> => {
    if (!client) return;
    const result = await removal.run(() => client.vendors.remove({ vendorId: id }), `Removed ${name}`, `Removing ${name}…`);
    if (result && !result.ok) setConfirming(false);
  };
  const pending = vendor.health === 'pending' && vendor.level === 'unknown';
  return (
    <li className={`settings-vendor${open ? ' open' : ''}${vendor.stale ? ' stale' : ''}`}>
      <div className="settings-vendor-row">
        <span className="settings-vendor-name">
          <StatusDot level={vendor.level} />
          <span className="truncate" title={name}>{name}</span>
        </span>
        <span className="settings-vendor-status">
          <StatusWord level={vendor.level}>{pending ? 'Not checked yet' : undefined}</StatusWord>
          {vendor.stale ? <span className="health health-warning">Last known</span> : null}
        </span>
        <span className="settings-vendor-facts muted small">
          <span className="nowrap">Every {intervalWords(vendor.intervalSeconds)}</span>
          {filtered ? <span className="settings-tag">{filtered} component{filtered === 1 ? '' : 's'}</span> : null}
          {muted ? <span className="settings-tag">Muted</span> : null}
          {snoozed ? <span className="settings-tag">Snoozed until {untilWords(snoozed, now)}</span> : null}
        </span>
        <span className="settings-vendor-actions">
          <button type="button" className="button small" aria-label={`Settings for ${name}`} aria-expanded={open} aria-controls={open ? detailId : undefined} onClick={() => onToggle(!open)}>
            <span className="settings-chevron" aria-hidden="true">{open ? '▾' : '▸'}</span> Settings
          </button>
          <button type="button" ref={removeButton} className="button small danger" aria-label={`Remove ${name}`} onClick={() => setConfirming(true)} disabled={confirming}>
            Remove
          </button>
        </span>
      </div>
      {confirming ? (
        <div className="settings-confirm" role="group" aria-label={`Remove ${name}?`}>
          <p><strong>Remove {name} from the watchlist?</strong> <span className="muted">Upstream stops checking it. Its history is kept, and comes back if you add it again.</span></p>
          <div className="settings-confirm-actions">
            <button type="button" ref={confirmButton} className="button small settings-danger" onClick={() => void remove()}>Remove {name}</button>
            <button type="button" className="button small" onClick={() => { setConfirming(false); removeButton.current?.focus(); }}>Keep it</button>
          </div>
        </div>
      ) : null}
      {open ? <VendorDetail vendor={vendor} watched={watched} id={detailId} /> : null}
    </li>
  );
}
