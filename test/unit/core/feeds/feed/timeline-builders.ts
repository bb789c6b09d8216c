/** Small Statuspage-style Atom feeds written inline by the tests: one entry per call. */
export interface Block { stamp: string; label: string; body: string }

export function statuspageEntry(id: string, title: string, updated: string, blocks: readonly Block[], published = updated): string {
  const html = blocks.map((b) => `<p><small>${b.stamp}</small><br><strong>${b.label}</strong> - ${b.body}</p>`).join('');
  const escaped = html.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  return `<entry><id>tag:s.test,2005:Incident/${id}</id><title>${title}</title><published>${published}</published><updated>${updated}</updated>
    <link rel="alternate" href="https://s.test/incidents/${id}"/><content type="html">${escaped}</content></entry>`;
}

export function atomFeed(...entries: string[]): string {
  return `<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>S Status - Incident History</title><author><name>S</name></author>${entries.join('')}</feed>`;
}
