import { describe, expect, it } from 'vitest';
import { matchDirect, normaliseInput, pageBase } from '../../../../electron/core/feeds/detect/direct.ts';
import { readPageHints } from '../../../../electron/core/feeds/detect/hints.ts';

function direct(url: string): { adapter: string; base: string } | undefined {
  return matchDirect(new URL(url));
}

describe('recognising a document URL by its path', () => {
  const table: [string, string, string][] = [
    ['https://www.githubstatus.com/api/v2/summary.json', 'statuspage-json', 'https://www.githubstatus.com'],
    ['https://www.githubstatus.com/api/v2/incidents/unresolved.json', 'statuspage-json', 'https://www.githubstatus.com'],
    ['https://host/pages/acme/api/v2/scheduled-maintenances/upcoming.json', 'statuspage-json', 'https://host/pages/acme'],
    ['https://acme.instatus.com/summary.json', 'instatus-json', 'https://acme.instatus.com'],
    ['https://acme.instatus.com/v3/summary.json', 'instatus-v3', 'https://acme.instatus.com'],
    ['https://acme.instatus.com/v3/components.json', 'instatus-v3', 'https://acme.instatus.com'],
    ['https://acme.instatus.com/v2/components.json', 'instatus-json', 'https://acme.instatus.com'],
    ['https://status.linear.app/api/v1/summary', 'incidentio-widget', 'https://status.linear.app'],
    ['https://status.linear.app/proxy/status.linear.app', 'incidentio-proxy', 'https://status.linear.app'],
    ['https://status.yoti.com/api/v1/components?per_page=20', 'cachet-v2', 'https://status.yoti.com'],
    ['https://status.yoti.com/api/v1/components/groups', 'cachet-v2', 'https://status.yoti.com'],
    ['https://demo.cachethq.io/api/components', 'cachet-v3', 'https://demo.cachethq.io'],
    ['https://status.acme.io/index.json', 'betterstack', 'https://status.acme.io'],
    ['https://status.cloud.google.com/incidents.json', 'gcp', 'https://status.cloud.google.com'],
    ['https://health.aws.amazon.com/public/currentevents', 'aws-currentevents', 'https://health.aws.amazon.com'],
    ['https://slack-status.com/api/v2.0.0/history', 'slack', 'https://slack-status.com'],
    ['https://status.stripe.com/current/full', 'stripe', 'https://status.stripe.com'],
    ['https://api.checklyhq.com/v1/status-page/1284690/statuses?page=1&limit=15', 'checkly', 'https://api.checklyhq.com/v1/status-page/1284690'],
    ['https://status.pagerduty.com/api/data', 'pagerduty', 'https://status.pagerduty.com'],
    ['https://status.pagerduty.com/api/posts', 'pagerduty', 'https://status.pagerduty.com'],
    ['https://status.8x8.com/incidents?IncidentStatus=OpenStarted', 'statuscast', 'https://status.8x8.com'],
    ['https://api.sorryapp.com/v1/pages/2273/components', 'sorry', 'https://api.sorryapp.com/v1/pages/2273'],
    ['https://api.sorryapp.com/v1/pages/2273/notices/991', 'sorry', 'https://api.sorryapp.com/v1/pages/2273'],
  ];
  for (const [url, adapter, base] of table) {
    it(`reads ${new URL(url).pathname} as ${adapter} with base ${base}`, () => {
      expect(direct(url)).toEqual({ adapter, base });
    });
  }

  it('takes a status.io API URL as its own base', () => {
    expect(direct('https://api.status.io/1.0/status/533c6539221ae15e3f000031')).toEqual({ adapter: 'statusio', base: 'https://api.status.io/1.0/status/533c6539221ae15e3f000031' });
  });

  it('takes feed URLs as their own base, keeping the query', () => {
    for (const path of ['/history.atom', '/history.rss', '/feed.atom', '/feed.rss', '/feed', '/rss', '/feed/rss', '/rss/all.rss']) {
      expect(direct(`https://status.example.com${path}`)).toEqual({ adapter: 'feed-xml', base: `https://status.example.com${path}` });
    }
    expect(direct('https://status.example.com/history.rss?lang=en')?.base).toBe('https://status.example.com/history.rss?lang=en');
  });

  it('ignores a proxy path naming another host, and home pages', () => {
    expect(direct('https://status.example.com/proxy/other.example.com')).toBeUndefined();
    expect(direct('https://www.githubstatus.com/')).toBeUndefined();
    expect(direct('https://status.example.com/incidents/abc123')).toBeUndefined();
  });
});

describe('what a person types', () => {
  it('treats a bare host or host/path as https', () => {
    expect(normaliseInput('www.githubstatus.com')?.href).toBe('https://www.githubstatus.com/');
    expect(normaliseInput(' status.example.com/history.atom ')?.href).toBe('https://status.example.com/history.atom');
    expect(normaliseInput('127.0.0.1:8080/github')?.href).toBe('https://127.0.0.1:8080/github');
  });

  it('refuses words, non-http schemes and broken URLs', () => {
    expect(normaliseInput('github')).toBeUndefined();
    expect(normaliseInput('file:///etc/passwd')).toBeUndefined();
    expect(normaliseInput('javascript://alert(1)')).toBeUndefined();
    expect(normaliseInput('http://')).toBeUndefined();
  });

  it('probes from the page path, without query, trailing slash or file name', () => {
    expect(pageBase(new URL('http://127.0.0.1:9/github/?x=1#top'))).toBe('http://127.0.0.1:9/github');
    expect(pageBase(new URL('https://status.example.com/index.html'))).toBe('https://status.example.com');
    expect(pageBase(new URL('https://status.example.com/'))).toBe('https://status.example.com');
  });
});

describe('hints in a status page', () => {
  it('finds the status.io page id in a script or an RSS link', () => {
    expect(readPageHints('<script>window.statuspageId = "533c6539221ae15e3f000031";</script>', 'https://status.docker.com/').statusioPageId).toBe('533c6539221ae15e3f000031');
    expect(readPageHints('<a href="https://status.docker.com/pages/history/533c6539221ae15e3f000031/rss">RSS</a>', 'https://status.docker.com/').statusioPageId).toBe('533c6539221ae15e3f000031');
  });

  it('resolves alternate feed links against the page and skips other link types', () => {
    const html = '<link rel="stylesheet" href="/a.css"><link rel="alternate" type="application/atom+xml" href="/history.atom?a=1&amp;b=2"><link type="application/rss+xml" rel="alternate" href="https://other.example/rss">';
    expect(readPageHints(html, 'https://status.example.com/page/').feeds).toEqual(['https://status.example.com/history.atom?a=1&b=2', 'https://other.example/rss']);
  });

  it('puts the platform named in the HTML first', () => {
    expect(readPageHints('<script src="https://cdn.statuspage.io/se-v2.js"></script>', 'https://x/').preferred).toEqual(['statuspage-json']);
    expect(readPageHints('<meta name="generator" content="incident.io">', 'https://x/').preferred).toEqual(['incidentio-proxy', 'incidentio-widget', 'incidentio-compat']);
    expect(readPageHints('<script id="data" type="application/json">{"layout":{"layout_settings":{}}}</script>', 'https://x/').preferred).toEqual(['pagerduty']);
    expect(readPageHints('<p>Hello</p>', 'https://x/').preferred).toEqual([]);
  });

  it('finds a Sorry page id and a Checkly page id, or only that the page is Checkly\'s', () => {
    expect(readPageHints('<body data-sorry-page-id="2273abcd">', 'https://x/').sorryPageId).toBe('2273abcd');
    expect(readPageHints('<script>fetch("https://api.sorryapp.com/v1/pages/99/components")</script>', 'https://x/').sorryPageId).toBe('99');
    expect(readPageHints('<script>fetch("https://api.checklyhq.com/v1/status-page/1833/statuses")</script>', 'https://x/')).toMatchObject({ checklyPageId: '1833', checkly: false });
    expect(readPageHints('<a href="https://www.checklyhq.com">Powered by Checkly</a>', 'https://x/')).toMatchObject({ checklyPageId: undefined, checkly: true });
    expect(readPageHints('<p>Hello</p>', 'https://x/')).toMatchObject({ sorryPageId: undefined, checklyPageId: undefined, checkly: false });
  });
});
