/**
 * Detection probes a page with several adapters and keeps the first that yields a snapshot, so
 * every JSON platform adapter must say wrong_format to every other platform's document, and
 * must turn hostile bodies into a FeedError quickly instead of throwing.
 */
import { describe, expect, it } from 'vitest';
import { ADAPTER_CASES, STATUSPAGE_DOCS } from './json-adapter-cases.ts';
import { BAD_BODIES, doc, errorKindOf, timedParse } from './json-adapter-support.ts';

describe('JSON platform adapters reject what is not theirs', () => {
  for (const target of ADAPTER_CASES) {
    // Sibling formats of one platform (Cachet 2 and 3, incident.io widget and proxy) count as others too.
    const others = ADAPTER_CASES.filter((c) => c.adapter.id !== target.adapter.id);
    for (const other of others) {
      for (const fixture of other.fixtures) {
        it(`${target.adapter.id} answers wrong_format to the ${fixture.name} document`, () => {
          // Hand every document of the other platform to the target's required role.
          for (const document of Object.values(fixture.docs)) {
            if (!document) continue;
            const result = timedParse(target.adapter, { [target.role]: document });
            expect(errorKindOf(result), `${fixture.name} as ${target.adapter.id}`).toBe('wrong_format');
          }
        });
      }
    }
    it(`${target.adapter.id} answers wrong_format to real Statuspage and AWS documents`, () => {
      for (const document of STATUSPAGE_DOCS) {
        expect(errorKindOf(timedParse(target.adapter, { [target.role]: document }))).toBe('wrong_format');
      }
    });
  }
});

describe('JSON platform adapters turn bad bodies into FeedErrors, never throws', () => {
  for (const target of ADAPTER_CASES) {
    for (const bad of BAD_BODIES) {
      it(`${target.adapter.id} reports ${bad.kind} for ${bad.name} within a second`, () => {
        const result = timedParse(target.adapter, { [target.role]: doc(bad.body) });
        expect(errorKindOf(result)).toBe(bad.kind);
      });
    }
    it(`${target.adapter.id} reports empty_body when its required document is missing`, () => {
      expect(errorKindOf(timedParse(target.adapter, {}))).toBe('empty_body');
    });
    it(`${target.adapter.id} parses each of its own fixtures`, () => {
      for (const fixture of target.fixtures) expect(timedParse(target.adapter, fixture.docs).ok).toBe(true);
    });
  }
});

describe('JSON platform adapters survive corrupted fields', () => {
  const WEIRD: unknown[] = [null, 0, -1, 1e308, '', 'x', true, [], {}, [null], { a: 1 }, '2026-13-45 99:99:99', { string: 5 }, { human: 'x', value: null }];
  // Deterministic pseudo-random stream so a failure reproduces.
  const stream = (seed: number) => () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
  const mutate = (value: unknown, p: number, rnd: () => number): unknown => {
    if (rnd() < p) return WEIRD[Math.floor(rnd() * WEIRD.length)];
    if (Array.isArray(value)) return value.map((x) => mutate(x, p, rnd));
    if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, x]) => [k, mutate(x, p, rnd)]));
    return value;
  };
  for (const target of ADAPTER_CASES) {
    it(`${target.adapter.id} returns a result, never a throw, for 200 corrupted copies of each fixture`, () => {
      const rnd = stream(7);
      for (const fixture of target.fixtures) {
        for (let i = 0; i < 200; i++) {
          const docs = Object.fromEntries(Object.entries(fixture.docs).flatMap(([role, d]) => {
            if (!d) return [];
            const json = JSON.parse(new TextDecoder().decode(d.body)) as unknown;
            return [[role, doc(JSON.stringify(mutate(json, 0.02 + (i % 10) * 0.03, rnd)))]];
          }));
          expect(() => target.adapter.parse(docs, { sourceUrl: 'https://status.example.com/', fetchedAt: '2026-08-01T12:00:00.000Z', timeZone: i % 2 ? 'Europe/Paris' : undefined })).not.toThrow();
        }
      }
    });
  }
});
