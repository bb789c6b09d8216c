import { describe, expect, it } from 'vitest';
import { queryTerms, score, snippet } from '../../../../electron/core/history/search-text.ts';

describe('search excerpts and ranking from the text itself', () => {
  it('marks every matched word, stems and prefixes included, keeping the vendor\'s own case', () => {
    expect(snippet('Webhook deliveries are delayed; Delays affect EU.', queryTerms('delays'))).toBe('Webhook deliveries are «delayed»; «Delays» affect EU.');
    expect(snippet('Résolution du problème en cours', queryTerms('resolution'))).toBe('«Résolution» du problème en cours');
  });

  it('cuts a long text around the first match, with … where it was cut', () => {
    const text = Array.from({ length: 60 }, (_, n) => `word${n}`).join(' ').replace('word30', 'failover');
    const excerpt = snippet(text, queryTerms('failover'));
    expect(excerpt.startsWith('…')).toBe(true);
    expect(excerpt.endsWith('…')).toBe(true);
    expect(excerpt).toContain('«failover»');
    expect(excerpt.split(/\s+/).length).toBeLessThanOrEqual(17);
  });

  it('ranks a short title about the words above a long passage that mentions them once', () => {
    const terms = queryTerms('webhooks delayed');
    const long = `${'Engineers keep watching the queues. '.repeat(8)}Webhooks may be delayed.`;
    expect(score('Webhooks delayed', 'title', terms, 12)).toBeGreaterThan(score(long, 'update', terms, 12));
  });
});
