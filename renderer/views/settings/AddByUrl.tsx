import { useId, useRef, useState, type FormEvent, type ReactNode } from 'react';
import type { DetectResult } from '../../../shared/contract/catalog.ts';
import { isIncidentClosed, PLATFORM_LABELS, STATUS_LABELS } from '../../../shared/model/index.ts';
import { ImpactBadge, StatusBadge } from '../../components/Status.tsx';
import { STAGE_LABELS } from '../../lib/stages.ts';
import { useEngine } from '../../stores/engine.ts';
import { OutcomeNote, useOutcome } from './outcome.tsx';

type Phase =
  | { kind: 'idle' }
  | { kind: 'checking'; url: string }
  | { kind: 'preview'; url: string; found: DetectResult }
  | { kind: 'failed'; message: string };

/**
 * Any status page by its URL: detection reads it once, and the person sees what Upstream found
 * (name, platform, status, components, incidents, what could not be read) BEFORE it is added.
 */
export function AddByUrl({ watched }: { watched: ReadonlySet<string> }): ReactNode {
  const client = useEngine((s) => s.client);
  const base = useId().replace(/[^A-Za-z0-9_-]/g, '');
  const [url, setUrl] = useState('');
  const [phase, setPhase] = useState<Phase>({ kind: 'idle' });
  const [adding, setAdding] = useState(false);
  const { outcome, run } = useOutcome();
  const seq = useRef(0);
  const field = useRef<HTMLInputElement>(null);

  const check = async (e: FormEvent): Promise<void> => {
    e.preventDefault();
    const wanted = url.trim();
    if (!client || !wanted) return;
    const mine = ++seq.current;
    setPhase({ kind: 'checking', url: wanted });
    const found = await client.vendors.detect({ idOrUrl: wanted });
    if (seq.current !== mine) return;
    setPhase(found.ok ? { kind: 'preview', url: wanted, found: found.value } : { kind: 'failed', message: found.error.message });
  };

  const add = async (preview: Extract<Phase, { kind: 'preview' }>): Promise<void> => {
    if (!client) return;
    setAdding(true);
    const name = preview.found.source.name;
    const result = await run(() => client.vendors.add({ idOrUrl: preview.url }), (v) => `Added ${v.name}. It is on your watchlist below.`, `Adding ${name}…`);
    setAdding(false);
    if (result?.ok) {
      setUrl('');
      setPhase({ kind: 'idle' });
      field.current?.focus();
    }
  };

  const cancel = (): void => {
    seq.current++;
    setPhase({ kind: 'idle' });
    field.current?.focus();
  };

  const checking = phase.kind === 'checking';
  return (
    <div className="settings-by-url">
      <form className="settings-url-form" onSubmit={(e) => void check(e)} aria-busy={checking}>
        <label className="field-label" htmlFor={`${base}-url`}>Or any status page by its URL</label>
        <div className="settings-url-row">
          <input
            id={`${base}-url`}
            ref={field}
            className="input settings-url-input"
            type="text"
            inputMode="url"
            autoComplete="off"
            spellCheck={false}
            placeholder="https://status.example.com"
            aria-describedby={`${base}-url-hint`}
            aria-invalid={phase.kind === 'failed' || undefined}
            value={url}
            onChange={(e) => setUrl(e.target.value)}
          />
          <button type="submit" className="button" disabled={checking || !url.trim()}>
            {checking ? <><span className="spinner settings-spinner" aria-hidden="true" /> Checking…</> : 'Check'}
          </button>
        </div>
        <p id={`${base}-url-hint`} className="muted small settings-hint">
          Statuspage, Instatus, incident.io, Cachet, status.io, Better Stack, Checkly, PagerDuty, StatusCast, Sorry, or any Atom/RSS incident feed. Upstream reads the page once and shows what it found before adding it.
        </p>
      </form>
      <div className="settings-detect" aria-live="polite">
        {checking ? (
          <p className="settings-checking"><span className="spinner" aria-hidden="true" /> Reading {phase.url}… this can take a few seconds.</p>
        ) : phase.kind === 'failed' ? (
          <div className="settings-detect-error">
            <strong>Upstream could not read this page.</strong>
            <span className="settings-error-text">{phase.message}</span>
          </div>
        ) : phase.kind === 'preview' ? (
          <Preview found={phase.found} alreadyWatched={watched.has(phase.found.source.id)} adding={adding} onAdd={() => void add(phase)} onCancel={cancel} titleId={`${base}-preview`} />
        ) : null}
      </div>
      <OutcomeNote outcome={outcome} />
    </div>
  );
}

function Preview({ found, alreadyWatched, adding, onAdd, onCancel, titleId }: {
  found: DetectResult; alreadyWatched: boolean; adding: boolean; onAdd(): void; onCancel(): void; titleId: string;
}): ReactNode {
  const { source, platform, snapshot } = found;
  const active = snapshot.incidents.filter((i) => !isIncidentClosed(i.status));
  const description = snapshot.status.description.trim();
  return (
    <section className="settings-preview" aria-labelledby={titleId}>
      <div className="settings-preview-head">
        <div className="settings-preview-title">
          <p className="eyebrow">Found</p>
          <h4 id={titleId} className="settings-preview-name">{source.name}</h4>
          <p className="muted small truncate" title={source.url}>{source.url}</p>
        </div>
        <StatusBadge level={snapshot.status.level} />
      </div>
      <dl className="settings-preview-facts">
        <div><dt>Platform</dt><dd>{PLATFORM_LABELS[platform]}</dd></div>
        <div>
          <dt>Status</dt>
          <dd>
            {STATUS_LABELS[snapshot.status.level]}
            {description && description.toLowerCase() !== STATUS_LABELS[snapshot.status.level].toLowerCase() ? <span className="muted small block">The page says “{description}”</span> : null}
          </dd>
        </div>
        <div><dt>Components</dt><dd>{snapshot.components.length}</dd></div>
        <div><dt>Active incidents</dt><dd>{active.length}</dd></div>
      </dl>
      {active.length ? (
        <ul className="settings-preview-incidents" aria-label="Active incidents">
          {active.slice(0, 3).map((i) => (
            <li key={i.id}>
              <ImpactBadge impact={i.impact} />
              <span className="truncate" title={i.title}>{i.title}</span>
              <span className="muted small nowrap">{STAGE_LABELS[i.status]}</span>
            </li>
          ))}
          {active.length > 3 ? <li className="muted">and {active.length - 3} more</li> : null}
        </ul>
      ) : null}
      {snapshot.warnings.length ? (
        <div className="settings-preview-warnings">
          <p><strong>{snapshot.warnings.length === 1 ? '1 part' : `${snapshot.warnings.length} parts`} could not be read</strong> (the rest will be watched):</p>
          <ul>{snapshot.warnings.map((w, i) => <li key={i}>{w.message}</li>)}</ul>
        </div>
      ) : null}
      <div className="settings-preview-actions">
        {alreadyWatched ? (
          <span className="muted">{source.name} is already on your watchlist.</span>
        ) : (
          <button type="button" className="button primary" onClick={onAdd} disabled={adding}>Add {source.name}</button>
        )}
        <button type="button" className="button" onClick={onCancel}>{alreadyWatched ? 'Close' : 'Cancel'}</button>
      </div>
    </section>
  );
}
