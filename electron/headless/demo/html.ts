import type { DemoDocuments, StatuspageIncident } from './statuspage-types.ts';

/**
 * The demo's human pages: plain HTML, because the app links to "the vendor's page" and to each
 * incident (`<base>/incidents/<id>`), and a link that 404s would make the demo look broken. Small
 * on purpose: the app's own views are what the demo shows off.
 */

const WORDS: Record<string, string> = {
  operational: 'Operational', degraded_performance: 'Degraded performance', partial_outage: 'Partial outage',
  major_outage: 'Major outage', under_maintenance: 'Under maintenance',
  investigating: 'Investigating', identified: 'Identified', monitoring: 'Monitoring', resolved: 'Resolved', postmortem: 'Postmortem',
  scheduled: 'Scheduled', in_progress: 'In progress', verifying: 'Verifying', completed: 'Completed',
};

const STYLE = 'body{font:15px/1.5 system-ui,sans-serif;max-width:46rem;margin:2rem auto;padding:0 1rem;color:#1d2330}'
  + 'h1{margin-bottom:.25rem}.status{padding:.75rem 1rem;border-radius:6px;background:#eef2f7}'
  + 'li{margin:.25rem 0}time,.muted{color:#5b6475}pre{white-space:pre-wrap;font:inherit}article{border-top:1px solid #dde2ea;padding-top:.5rem}';

/** Escape text for HTML element content and quoted attributes. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);
}

const word = (status: string): string => WORDS[status] ?? status;
const when = (iso: string): string => `<time datetime="${escapeHtml(iso)}">${escapeHtml(iso.replace('T', ' ').slice(0, 16))} UTC</time>`;

function layout(title: string, body: string): string {
  return `<!doctype html>\n<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">`
    + `<title>${escapeHtml(title)}</title><style>${STYLE}</style></head><body>${body}`
    + '<p class="muted">A fictional vendor served by Upstream\'s built-in demo.</p></body></html>\n';
}

function itemLink(base: string, item: StatuspageIncident): string {
  return `<a href="${escapeHtml(`${base}/incidents/${item.id}`)}">${escapeHtml(item.name)}</a>`;
}

/** The vendor's status page: overall status, components, what is open, and recent history. */
export function vendorPage(docs: DemoDocuments): string {
  const { page, components, status, incidents: open, scheduled_maintenances: upcoming } = docs.summary;
  const base = page.url;
  const groups = new Map(components.filter((c) => c.group).map((c) => [c.id, c.name]));
  const componentList = components.filter((c) => !c.group)
    .map((c) => `<li>${c.group_id ? `${escapeHtml(groups.get(c.group_id) ?? '')} › ` : ''}${escapeHtml(c.name)}: <strong>${word(c.status)}</strong></li>`).join('');
  const openList = open.map((i) => `<li>${itemLink(base, i)} — ${word(i.status)}</li>`).join('');
  const upcomingList = upcoming.map((m) => `<li>${itemLink(base, m)} — ${word(m.status)}, ${when(m.scheduled_for ?? m.created_at)}</li>`).join('');
  const openIds = new Set(open.map((i) => i.id));
  const past = docs.incidents.incidents.filter((i) => !openIds.has(i.id))
    .map((i) => `<li>${itemLink(base, i)} <span class="muted">${when(i.created_at)}</span></li>`).join('');
  return layout(`${page.name} status`, `<h1>${escapeHtml(page.name)}</h1><p class="status"><strong>${escapeHtml(status.description)}</strong></p>`
    + (openList ? `<h2>Active incidents</h2><ul>${openList}</ul>` : '')
    + (upcomingList ? `<h2>Scheduled maintenance</h2><ul>${upcomingList}</ul>` : '')
    + `<h2>Components</h2><ul>${componentList}</ul>`
    + `<h2>Past incidents</h2>${past ? `<ul>${past}</ul>` : '<p>No incidents reported.</p>'}`);
}

/** One incident or maintenance: its updates newest first, then the postmortem if published. */
export function incidentPage(docs: DemoDocuments, item: StatuspageIncident): string {
  const base = docs.summary.page.url;
  const updates = item.incident_updates
    .map((u) => `<article><h3>${word(u.status)}</h3><p>${escapeHtml(u.body)}</p><p>${when(u.display_at)}</p></article>`).join('');
  const window = item.scheduled_for ? `<p>Scheduled for ${when(item.scheduled_for)} to ${when(item.scheduled_until ?? item.scheduled_for)}</p>` : '';
  const affected = item.components.length ? `<p>Affects: ${item.components.map((c) => escapeHtml(c.name)).join(', ')}</p>` : '';
  const postmortem = item.postmortem_body ? `<h2>Postmortem</h2><pre>${escapeHtml(item.postmortem_body)}</pre>` : '';
  return layout(`${item.name} — ${docs.summary.page.name}`, `<p><a href="${escapeHtml(base)}">${escapeHtml(docs.summary.page.name)}</a></p>`
    + `<h1>${escapeHtml(item.name)}</h1><p class="status"><strong>${word(item.status)}</strong>`
    + (item.impact !== 'maintenance' ? ` <span class="muted">(impact: ${escapeHtml(item.impact)})</span>` : '') + `</p>${window}${affected}${postmortem}${updates}`);
}

/** `/`: a list of the demo's vendors, for whoever opens the server's root. */
export function indexPage(vendors: readonly { name: string; url: string }[]): string {
  return layout('Upstream demo', `<h1>Upstream demo</h1><ul>${vendors.map((v) => `<li><a href="${escapeHtml(v.url)}">${escapeHtml(v.name)}</a></li>`).join('')}</ul>`);
}

export function notFoundPage(): string {
  return layout('Not found', '<h1>Not found</h1><p>There is no page at this address.</p>');
}
