import { useRef, type ReactNode } from 'react';
import type { WatchedVendor } from '../../../shared/contract/settings.ts';
import type { VendorView } from '../../../shared/contract/vendors.ts';
import type { Component, SeverityThreshold } from '../../../shared/model/index.ts';
import { hrefs } from '../../app/routes.ts';
import { useEngine } from '../../stores/engine.ts';
import { OutcomeNote, useDraft, useOutcome } from './outcome.tsx';
import { domId, INTERVAL_MINUTES, intervalWords, isChosen, rulesOf } from './prefs.ts';
import { SnoozeControl } from './SnoozeControl.tsx';
import { ThresholdChoice } from './ThresholdChoice.tsx';

/** One watched vendor's own settings: how often, which components, and when it may notify. */
export function VendorDetail({ vendor, watched, id }: { vendor: VendorView; watched: WatchedVendor | undefined; id: string }): ReactNode {
  const name = vendor.source.name;
  return (
    <div id={id} className="settings-vendor-detail" role="region" aria-label={`${name} settings`}>
      <div className="settings-detail-grid">
        <div className="settings-detail-block">
          <h4>Checking</h4>
          <IntervalSelect vendor={vendor} />
          <p className="muted small">Status pages cache for about a minute; checking more often than that gains nothing.</p>
          <p className="small"><a className="settings-text-link" href={hrefs.vendor(vendor.source.id)}>{name}'s status and components in Upstream →</a></p>
        </div>
        <div className="settings-detail-block">
          <h4>Notifications</h4>
          <VendorRulesControl vendor={vendor} />
          <SnoozeControl vendorId={vendor.source.id} subject={name} />
        </div>
      </div>
      <div className="settings-detail-block">
        <ComponentFilter vendor={vendor} saved={watched?.components ?? []} />
      </div>
    </div>
  );
}

function IntervalSelect({ vendor }: { vendor: VendorView }): ReactNode {
  const client = useEngine((s) => s.client);
  const { outcome, run } = useOutcome();
  const fieldId = domId('settings-interval', vendor.source.id);
  const [current, choose, forget] = useDraft(vendor.intervalSeconds);
  const custom = !INTERVAL_MINUTES.some((m) => m * 60 === current);
  const change = (seconds: number): void => {
    if (!client) return;
    choose(seconds);
    void run(() => client.vendors.configure({ vendorId: vendor.source.id, intervalSeconds: seconds }), `Checked every ${intervalWords(seconds)} from now on`).then((result) => {
      if (result && !result.ok) forget();
    });
  };
  return (
    <div className="settings-control-row">
      <label className="field" htmlFor={fieldId}>
        <span>Check every</span>
        <select id={fieldId} className="select" value={current} onChange={(e) => change(Number(e.target.value))}>
          {custom ? <option value={current}>{intervalWords(current)}</option> : null}
          {INTERVAL_MINUTES.map((m) => <option key={m} value={m * 60}>{intervalWords(m * 60)}</option>)}
        </select>
      </label>
      <OutcomeNote outcome={outcome} />
    </div>
  );
}

function VendorRulesControl({ vendor }: { vendor: VendorView }): ReactNode {
  const client = useEngine((s) => s.client);
  const settings = useEngine((s) => s.settings);
  const { outcome, run } = useOutcome();
  const vendorId = vendor.source.id;
  const { rules, own } = rulesOf(settings, vendorId);
  const defaults = rulesOf(settings, null).rules;
  const [threshold, choose, forget] = useDraft(rules.threshold);
  const muted = threshold === 'muted';
  // What unmuting returns to: the level chosen before muting in this session, else the default.
  const beforeMute = useRef<Exclude<SeverityThreshold, 'muted'> | null>(null);
  const shownThreshold = threshold === 'muted' ? (beforeMute.current ?? (defaults.threshold === 'muted' ? 'all' : defaults.threshold)) : threshold;
  const save = (next: SeverityThreshold, done: string): void => {
    if (!client) return;
    choose(next);
    void run(() => client.rules.set({ vendorId, rules: { threshold: next, components: rules.components, kinds: rules.kinds } }), done).then((result) => {
      if (result && !result.ok) forget();
    });
  };
  const toggleMute = (mute: boolean): void => {
    if (mute && threshold !== 'muted') beforeMute.current = threshold;
    save(mute ? 'muted' : shownThreshold, mute ? `${vendor.source.name} muted` : `${vendor.source.name} unmuted`);
  };
  return (
    <div className="settings-rules">
      <label className="settings-check settings-mute">
        <input type="checkbox" role="switch" checked={muted} onChange={(e) => toggleMute(e.target.checked)} />
        <span>Mute {vendor.source.name}</span>
      </label>
      {muted ? <p className="muted small settings-hint">Nothing from {vendor.source.name} notifies you. Its incidents still appear in Upstream.</p> : null}
      <ThresholdChoice
        name={domId('settings-threshold', vendorId)}
        legend="Notify me about"
        value={shownThreshold}
        disabled={muted}
        onChange={(threshold) => save(threshold, 'Saved')}
      />
      <div className="settings-control-row">
        {own ? null : <span className="muted small">Following the default rules.</span>}
        <OutcomeNote outcome={outcome} />
      </div>
    </div>
  );
}

/**
 * Which of the vendor's components matter: none checked means all of them. Each click is saved at
 * once; the boxes show what was clicked until the engine's settings catch up, then what it saved.
 */
function ComponentFilter({ vendor, saved }: { vendor: VendorView; saved: readonly string[] }): ReactNode {
  const client = useEngine((s) => s.client);
  const { outcome, run } = useOutcome();
  const [chosen, choose, forget] = useDraft<readonly string[]>(saved);
  const listed = vendor.components;
  // A saved choice the page no longer lists (renamed, or not read yet) stays visible, so it can be unticked.
  const missing = chosen.filter((entry) => !listed.some((c) => isChosen([entry], c)));
  const legendId = domId('settings-components', vendor.source.id);
  // Each save carries the whole list, so they go one after another in click order: two quick
  // clicks sent at once could reach the engine the other way round and the first would win.
  const queue = useRef<Promise<unknown>>(Promise.resolve());
  const save = (next: string[]): void => {
    if (!client) return;
    choose(next);
    const call = (): ReturnType<typeof client.vendors.configure> => client.vendors.configure({ vendorId: vendor.source.id, components: next });
    const saved = next.length === 0 ? `Watching all components` : `Watching ${next.length} component${next.length === 1 ? '' : 's'}`;
    queue.current = queue.current.then(() => run(call, saved)).then((result) => {
      if (result && !result.ok) forget();
    });
  };
  const toggle = (component: Pick<Component, 'id' | 'name'>, on: boolean): void => {
    const rest = chosen.filter((entry) => entry !== component.name && entry !== component.id);
    save(on ? [...rest, component.name] : rest);
  };
  const groups = groupByName(listed);
  return (
    <fieldset className="settings-fieldset settings-components" aria-describedby={`${legendId}-hint`}>
      <legend id={legendId}><h4>Components</h4></legend>
      <div className="settings-control-row">
        <p id={`${legendId}-hint`} className="muted small settings-hint">
          {listed.length === 0 && missing.length === 0
            ? `${vendor.source.name}'s components appear here after its first successful check.`
            : chosen.length === 0
              ? `None ticked: all ${listed.length} components are watched. Tick some to watch only those.`
              : `Watching ${chosen.length} of ${listed.length + missing.length}. Others are hidden and do not notify you.`}
        </p>
        {chosen.length > 0 ? <button type="button" className="button small ghost" onClick={() => save([])}>Watch all</button> : null}
        <OutcomeNote outcome={outcome} />
      </div>
      {groups.map(([group, list]) => (
        <div key={group ?? ''} className="settings-component-group">
          {group ? <p className="settings-group-name">{group}</p> : null}
          <ul className="settings-checklist">
            {list.map((c) => (
              <li key={c.id}>
                <label className="settings-check">
                  <input type="checkbox" checked={isChosen(chosen, c)} onChange={(e) => toggle(c, e.target.checked)} />
                  <span className="truncate" title={c.name}>{c.name}</span>
                </label>
              </li>
            ))}
          </ul>
        </div>
      ))}
      {missing.length ? (
        <ul className="settings-checklist">
          {missing.map((entry) => (
            <li key={entry}>
              <label className="settings-check">
                <input type="checkbox" checked onChange={() => toggle({ id: entry, name: entry }, false)} />
                <span className="truncate" title={entry}>{entry} <span className="muted small">(not on the page now)</span></span>
              </label>
            </li>
          ))}
        </ul>
      ) : null}
    </fieldset>
  );
}

function groupByName(components: readonly Component[]): [string | null, Component[]][] {
  const groups = new Map<string | null, Component[]>();
  for (const c of components) groups.set(c.group, [...(groups.get(c.group) ?? []), c]);
  return [...groups.entries()].sort(([a], [b]) => (a === null ? -1 : b === null ? 1 : a.localeCompare(b)));
}
