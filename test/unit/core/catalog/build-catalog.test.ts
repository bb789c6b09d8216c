import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  buildCatalog, renderCatalogModule, vendorSlug, VENDORS_MODULE_PATH,
} from '../../../../electron/core/catalog/build-catalog.ts';
import { parseLenientJson, stripTrailingCommas } from '../../../../electron/core/catalog/lenient-json.ts';
import { SHARED_REFERENCE } from '../../../support/paths.ts';

const sttsText = readFileSync(resolve(SHARED_REFERENCE, 'stts-services.json'), 'utf8');

describe('reading stts services.json', () => {
  it('tolerates trailing commas before ] and }', () => {
    expect(parseLenientJson('{"a": [1, 2,], "b": {"c": 3,},}')).toEqual({ a: [1, 2], b: { c: 3 } });
  });

  it('leaves commas inside strings alone, escaped quotes included', () => {
    expect(stripTrailingCommas('{"a": "x,]", "b": "q\\",}",}')).toBe('{"a": "x,]", "b": "q\\",}"}');
  });

  it('still rejects text that is not JSON', () => {
    expect(() => parseLenientJson('{name: 1}')).toThrow(SyntaxError);
  });

  it('reads the real reference file, which has trailing commas', () => {
    expect(() => JSON.parse(sttsText)).toThrow();
    const stts = parseLenientJson(sttsText) as Record<string, unknown[]>;
    expect(stts.statuspage).toHaveLength(177);
    expect(stts.incidentio).toHaveLength(14);
  });
});

describe('build-catalog', () => {
  it('produces exactly the committed vendors.ts (run the generator after changing facts)', () => {
    const built = buildCatalog(parseLenientJson(sttsText));
    expect(renderCatalogModule(built.entries)).toBe(readFileSync(VENDORS_MODULE_PATH, 'utf8'));
  });

  it('skips pages on platforms we cannot read and says why', () => {
    const { skipped } = buildCatalog(parseLenientJson(sttsText));
    expect(skipped).toContainEqual({ platform: 'cstate', name: 'Civo', reason: 'no adapter for stts platform "cstate"' });
    expect(skipped.filter((s) => s.platform === 'sendbird')).toHaveLength(11);
  });

  it('skips a status.io page without a page id instead of guessing an endpoint', () => {
    const { entries, skipped } = buildCatalog({ statusiov1: [{ name: 'Nameless', url: 'https://status.nameless.test' }] });
    expect(entries.some((e) => e.id === 'nameless')).toBe(false);
    expect(skipped).toEqual([{ platform: 'statusiov1', name: 'Nameless', reason: 'status.io page without a page id' }]);
  });

  it('normalises URLs to https without a trailing slash and keeps former names as aliases', () => {
    const { entries } = buildCatalog({ statuspage: [{ name: 'Acme Corp', url: 'http://status.acme.test/', old_names: ['Acme'] }] });
    expect(entries.find((e) => e.id === 'acme-corp')).toEqual({
      id: 'acme-corp', name: 'Acme Corp', url: 'https://status.acme.test', platform: 'statuspage',
      adapter: 'statuspage-json', base: 'https://status.acme.test', category: 'Other', aliases: ['Acme'],
    });
  });

  it('refuses two vendors with the same id', () => {
    expect(() => buildCatalog({ statuspage: [{ name: 'Twin', url: 'https://a.test' }, { name: 'twin', url: 'https://b.test' }] }))
      .toThrow(/duplicate catalogue id twin/);
  });

  it('makes readable ids from names', () => {
    expect(vendorSlug("Let's Encrypt")).toBe('lets-encrypt');
    expect(vendorSlug('Fly.io')).toBe('fly-io');
    expect(vendorSlug('HelloSign / HelloFax')).toBe('hellosign-hellofax');
    expect(vendorSlug('Intercom - EU Hosting')).toBe('intercom-eu-hosting');
  });
});
