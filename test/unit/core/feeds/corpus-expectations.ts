import type { FeedErrorKind, StatusLevel } from '../../../../shared/model/index.ts';

/**
 * What each real capture in ../shared/fixtures holds, written by READING THE CAPTURE (counting
 * entries, stamps and labels with grep and by hand, converting printed times to UTC by hand),
 * never by recording what a parser printed. The corpus test runs every capture through its
 * adapter and compares. A new capture joins by adding a row here; the test fails until it has one.
 *
 * Figures are the snapshot's: `incidents` and `maintenances` are items, `updates` all their
 * timeline updates, `postmortems` incidents with postmortem text, `components` the page's
 * component list (feeds carry none), `first`/`last` the earliest and latest update instant
 * (UTC), `level` the overall status level, `warnings` the warning codes (empty: read whole).
 */
export interface Figures {
  incidents: number;
  maintenances: number;
  updates: number;
  postmortems: number;
  components: number;
  first: string | null;
  last: string | null;
  level: StatusLevel;
  /** Incidents still open (asserted for pages, where "active incidents" is the point). */
  open?: number;
  warnings: string[];
}

export interface CorpusRow {
  /** Path under ../shared/fixtures. */
  file: string;
  /** Adapter id in the registry, and the document role the capture plays. */
  adapter: string;
  role: string;
  /** How the figures were read from the capture. */
  read: string;
  expect: Figures | { error: FeedErrorKind };
  /**
   * A known difference in an adapter outside the feed/Instatus work (reported to its owner): the
   * figures the adapter gives today. The test checks those, and fails once the adapter is fixed,
   * so the row is then cleaned up.
   */
  pending?: { figures: Partial<Figures>; reason: string };
}

/** Folders of many versions, covered by their own cross-checks instead of rows. */
export const COVERED_ELSEWHERE: Readonly<Record<string, string>> = {
  'replay/github-history-atom/': 'test/unit/core/feeds/feed/real-feeds.test.ts (373 versions, JSON cross-check) and test/integration/replay.test.ts',
  'replay/digitalocean-history-atom/': 'test/integration/digitalocean-replay.test.ts (every version through the engine, Atom/RSS cross-check)',
  'replay/digitalocean-history-rss/': 'test/integration/digitalocean-replay.test.ts',
  'statuspage/github-incident-history/': 'test/unit/core/feeds/statuspage/adapter.test.ts (all 214 files) and the feed/JSON cross-check in real-feeds.test.ts',
};

/** Files in ../shared/fixtures that are documentation, not captures. */
export const NOT_CAPTURES: readonly string[] = ['PROVENANCE.md'];

/** The HTML captures' reason to wait, while their adapters are not registered. */
export const HTML_PENDING = 'read by the HTML adapters (issue 8 §4)';

const none: string[] = [];

export const CORPUS: readonly CorpusRow[] = [
  // ── Atom / RSS history feeds ────────────────────────────────────────────────────────────────
  {
    file: 'rss_atom/github-statuspage-history.atom', adapter: 'feed-xml', role: 'main',
    read: '25 <entry>; 178 &lt;small&gt; stamps, all UTC; no maintenance label; every newest block is Resolved; earliest Jul 25 08:59, latest Aug 21 00:37 (feed updated 2026-08-22)',
    expect: { incidents: 25, maintenances: 0, updates: 178, postmortems: 0, components: 0, first: '2026-07-25T08:59:00Z', last: '2026-08-21T00:37:00Z', level: 'operational', warnings: none },
  },
  {
    file: 'rss_atom/github-statuspage-history-2025-07-08-with-maintenance.atom', adapter: 'feed-xml', role: 'main',
    read: '25 entries, 1 with Scheduled/In progress/Completed; 126 stamps; earliest May 29 21:01 (Scheduled), latest Jul 7 22:34; all closed',
    expect: { incidents: 24, maintenances: 1, updates: 126, postmortems: 0, components: 0, first: '2025-05-29T21:01:00Z', last: '2025-07-07T22:34:00Z', level: 'operational', warnings: none },
  },
  {
    file: 'rss_atom/metastatuspage-history-2019-11-23-pacific.atom', adapter: 'feed-xml', role: 'main',
    read: '25 entries, 4 maintenances (Scheduled/In progress/Verifying/Completed); 61 stamps in PST/PDT; earliest Jul 11 15:05 PDT = 22:05Z, latest Nov 20 18:35 PST = Nov 21 02:35Z; all closed',
    expect: { incidents: 21, maintenances: 4, updates: 61, postmortems: 0, components: 0, first: '2019-07-11T22:05:00Z', last: '2019-11-21T02:35:00Z', level: 'operational', warnings: none },
  },
  {
    file: 'rss_atom/parse-statuspage-history-2014-01-09-pst-postmortem.rss', adapter: 'feed-xml', role: 'main',
    read: '17 <item>, 38 stamps, 1 Postmortem (Dec 26 10:22 PST, after a Dec 24 pubDate: 2013, not 2012). Stamps always say PST; in summer the pubDate (-0700) shows the wall clock is PDT: Jul 22 14:54 "PST" = 21:54Z; latest Jan 1 09:09 PST = 17:09Z',
    expect: { incidents: 17, maintenances: 0, updates: 38, postmortems: 1, components: 0, first: '2013-07-22T21:54:00Z', last: '2014-01-01T17:09:00Z', level: 'operational', warnings: none },
  },
  {
    file: 'rss_atom/ruzismart-statuspage-demo-history-2020-01-04-unordered-updates.atom', adapter: 'feed-xml', role: 'main',
    read: '2 entries, 5 + 4 stamps (UTC). The sample incident lists Resolved 03:42 first (newest posted) and Investigating 04:08 last: resolved, so nothing is open; earliest Aug 14 03:32, latest Sep 8 12:08',
    expect: { incidents: 2, maintenances: 0, updates: 9, postmortems: 0, components: 0, first: '2019-08-14T03:32:00Z', last: '2019-09-08T12:08:00Z', level: 'operational', warnings: none },
  },
  {
    file: 'rss_atom/saucelabs-uswest-statuspage-history-2020-11-15-pacific.atom', adapter: 'feed-xml', role: 'main',
    read: '25 entries, 6 "Planned/Unplanned Maintenance" with maintenance labels; 72 stamps (PST/PDT); earliest Mar 12 23:45 PDT = Mar 13 06:45Z, latest Nov 14 14:07 PST = 22:07Z',
    expect: { incidents: 19, maintenances: 6, updates: 72, postmortems: 0, components: 0, first: '2020-03-13T06:45:00Z', last: '2020-11-14T22:07:00Z', level: 'operational', warnings: none },
  },
  {
    file: 'rss_atom/streamyard-statuspage-history-2024-06-10.atom', adapter: 'feed-xml', role: 'main',
    read: '17 entries, 46 stamps UTC, no maintenance label; earliest Feb 14 2022 19:04, latest Feb 8 2024 09:00',
    expect: { incidents: 17, maintenances: 0, updates: 46, postmortems: 0, components: 0, first: '2022-02-14T19:04:00Z', last: '2024-02-08T09:00:00Z', level: 'operational', warnings: none },
  },
  {
    file: 'rss_atom/streamyard-statuspage-history-2024-06-10.rss', adapter: 'feed-xml', role: 'main',
    read: 'the same moment as the .atom: 17 items, 46 stamps, same earliest and latest',
    expect: { incidents: 17, maintenances: 0, updates: 46, postmortems: 0, components: 0, first: '2022-02-14T19:04:00Z', last: '2024-02-08T09:00:00Z', level: 'operational', warnings: none },
  },
  {
    file: 'rss_atom/symantec-wss-statuspage-history-2019-12-10.atom', adapter: 'feed-xml', role: 'main',
    read: '25 entries, 10 maintenances (banner or maintenance labels; one still Scheduled); 63 stamps UTC; earliest Oct 11 22:50, latest Dec 10 18:00',
    expect: { incidents: 15, maintenances: 10, updates: 63, postmortems: 0, components: 0, first: '2019-10-11T22:50:00Z', last: '2019-12-10T18:00:00Z', level: 'operational', warnings: none },
  },
  {
    file: 'rss_atom/symantec-wss-statuspage-history-2020-01-02-future-maintenance.atom', adapter: 'feed-xml', role: 'main',
    read: '25 entries, 12 maintenances (4 upcoming: Scheduled/Update only); 58 stamps; earliest Oct 14 15:40, latest Jan 2 15:41',
    expect: { incidents: 13, maintenances: 12, updates: 58, postmortems: 0, components: 0, first: '2019-10-14T15:40:00Z', last: '2020-01-02T15:41:00Z', level: 'operational', warnings: none },
  },
  {
    file: 'instatus/northflank-instatus-history-rss-2026-09-25-trimmed.rss', adapter: 'feed-xml', role: 'main',
    read: '3 <item>, 2 + 2 + 3 escaped stamps with seconds in GMT+0; each ends Resolved; earliest Aug 5 13:27:13, latest Sep 25 16:01:05',
    expect: { incidents: 3, maintenances: 0, updates: 7, postmortems: 0, components: 0, first: '2026-08-05T13:27:13Z', last: '2026-09-25T16:01:05Z', level: 'operational', warnings: none },
  },
  {
    file: 'aws/aws-health-history-rss-trimmed.rss', adapter: 'feed-xml', role: 'main',
    read: '3 items = 3 updates; guids name 2 services (me-central-1 once, me-south-1 twice), none "operating normally": 2 open incidents, the latest a "Service disruption"; Mar 3 08:40 PST = 16:40Z, Apr 30 00:25:54 PDT = 07:25:54Z',
    expect: { incidents: 2, maintenances: 0, updates: 3, postmortems: 0, components: 0, first: '2026-03-03T16:40:00Z', last: '2026-04-30T07:25:54Z', level: 'partial_outage', warnings: none },
  },
  // ── JSON APIs ───────────────────────────────────────────────────────────────────────────────
  {
    file: 'statuspage/github-summary-2022-11-25-partial-outage.json', adapter: 'statuspage-json', role: 'summary',
    read: '11 components (Packages partial_outage), 1 unresolved incident with 7 incident_updates, display_at 14:39:09.577 → 15:50:04.967; indicator minor, worst component partial_outage',
    expect: { incidents: 1, maintenances: 0, updates: 7, postmortems: 0, components: 11, first: '2022-11-25T14:39:09.577Z', last: '2022-11-25T15:50:04.967Z', level: 'partial_outage', warnings: none },
  },
  {
    file: 'statuspage/personio-summary-2024-01-31-europe-berlin-scheduled-maintenance.json', adapter: 'statuspage-json', role: 'summary',
    read: '6 components operational, 1 scheduled maintenance with 1 update at 2024-01-29T14:16:18.246+01:00 = 13:16:18.246Z, indicator none',
    expect: { incidents: 0, maintenances: 1, updates: 1, postmortems: 0, components: 6, first: '2024-01-29T13:16:18.246Z', last: '2024-01-29T13:16:18.246Z', level: 'operational', warnings: none },
  },
  {
    file: 'statuspage/github-incident-52z0j6phhnjs-long-timeline.json', adapter: 'statuspage-json', role: 'incidents',
    read: '{page, incident}: 13 incident_updates, display_at 12:25:37.786 → 13:29:09.495, resolved',
    expect: { incidents: 1, maintenances: 0, updates: 13, postmortems: 0, components: 0, first: '2023-03-27T12:25:37.786Z', last: '2023-03-27T13:29:09.495Z', level: 'operational', warnings: none },
  },
  {
    file: 'statuspage/github-incident-gqx5l06jjxhp-critical.json', adapter: 'statuspage-json', role: 'incidents',
    read: '8 incident_updates, display_at 17:52:11.671 → 18:36:19.000, resolved',
    expect: { incidents: 1, maintenances: 0, updates: 8, postmortems: 0, components: 0, first: '2023-06-29T17:52:11.671Z', last: '2023-06-29T18:36:19.000Z', level: 'operational', warnings: none },
  },
  {
    file: 'statuspage/github-incident-rgy28jwprr1c-critical-all-statuses.json', adapter: 'statuspage-json', role: 'incidents',
    read: '4 incident_updates (investigating → resolved), display_at 16:12:01.706 → 16:37:46.707',
    expect: { incidents: 1, maintenances: 0, updates: 4, postmortems: 0, components: 0, first: '2019-09-23T16:12:01.706Z', last: '2019-09-23T16:37:46.707Z', level: 'operational', warnings: none },
  },
  {
    file: 'statuspage/github-incidents-unresolved-empty.json', adapter: 'statuspage-json', role: 'incidents',
    read: '"incidents":[]',
    expect: { incidents: 0, maintenances: 0, updates: 0, postmortems: 0, components: 0, first: null, last: null, level: 'operational', warnings: none },
  },
  {
    file: 'cachet/yoti-cachet2-api-v1-components.json', adapter: 'cachet-v2', role: 'components',
    read: 'data[] of 7 components, every status 1 (Operational)',
    expect: { incidents: 0, maintenances: 0, updates: 0, postmortems: 0, components: 7, first: null, last: null, level: 'operational', warnings: none },
  },
  {
    file: 'statusio/docker-statusio-1.0-status-excerpt.json', adapter: 'statusio', role: 'main',
    read: '3 status[] components, all status_code 100; incidents [] and no maintenance',
    expect: { incidents: 0, maintenances: 0, updates: 0, postmortems: 0, components: 3, first: null, last: null, level: 'operational', warnings: none },
  },
  {
    file: 'gcp/gcp-incidents-json-3-incidents-trimmed-text.json', adapter: 'gcp', role: 'main',
    read: '3 incidents, 1 update each, all with end set; 2 updates are an "Incident Report" (one escaped "## \\# Incident Report"); when 2026-06-29T23:06:10 → 2026-07-25T13:16:55',
    expect: { incidents: 3, maintenances: 0, updates: 3, postmortems: 2, components: 0, first: '2026-06-29T23:06:10Z', last: '2026-07-25T13:16:55Z', level: 'operational', warnings: none },
  },
  {
    file: 'gcp/gcp-incidents-json-2022-07-03-full.json', adapter: 'gcp', role: 'main',
    read: '157 incidents, 770 updates, none open; 15 incidents carry a report update (an update whose text opens with it): "Incident Report" at any heading level, in bold or capitals (10, one "(Combined GCP / WS)"), "Mini Incident Report" in every spelling (4 alone, 6 beside a full report) and one "PRELIMINARY INCIDENT REPORT" beside a full one; when 2021-07-07T22:45:03 → 2022-07-01T19:25:45',
    expect: { incidents: 157, maintenances: 0, updates: 770, postmortems: 15, components: 0, first: '2021-07-07T22:45:03Z', last: '2022-07-01T19:25:45Z', level: 'operational', warnings: none },
  },
  {
    file: 'aws/aws-health-currentevents-excerpt.json', adapter: 'aws-currentevents', role: 'main',
    read: '1 event, status "3" (disruption), event_log of 1 at epoch 1772369485 = 2026-03-01T12:51:25Z, 5 impacted_services (2 at current "3")',
    expect: { incidents: 1, maintenances: 0, updates: 1, postmortems: 0, components: 5, first: '2026-03-01T12:51:25Z', last: '2026-03-01T12:51:25Z', level: 'major_outage', warnings: none },
  },
  {
    file: 'aws/aws-status-legacy-data-json-2022-07-03.json', adapter: 'aws-currentevents', role: 'main',
    read: 'the retired status.aws.amazon.com/data.json ({archive:[86], current:[]}): not a format AWS serves any more',
    expect: { error: 'wrong_format' },
  },
  // ── Status pages as HTML ────────────────────────────────────────────────────────────────────
  {
    file: 'instatus/html/whereby-page-notice-2023-08.html', adapter: 'instatus-html', role: 'main',
    read: '__NEXT_DATA__: site.status HASISSUES (mainStatus SOMEDEGRADEDPERFORMANCE), 4 components (2 DEGRADEDPERFORMANCE), activeIncidents: 1 IDENTIFIED with 1 update at 2023-03-01T13:41:06.588Z, no maintenance',
    expect: { incidents: 1, open: 1, maintenances: 0, updates: 1, postmortems: 0, components: 4, first: '2023-03-01T13:41:06.588Z', last: '2023-03-01T13:41:06.588Z', level: 'degraded', warnings: none },
  },
  {
    file: 'instatus/html/whereby-page-good-2026-03.html', adapter: 'instatus-html', role: 'main',
    read: 'flight data: status UP, 4 components OPERATIONAL, activeIncidents [] and activeMaintenances []; "notices" holds 3 RESOLVED incidents (Feb 16, Feb 20, Mar 3 2026) with start/end but no update text',
    expect: { incidents: 3, open: 0, maintenances: 0, updates: 0, postmortems: 0, components: 4, first: null, last: null, level: 'operational', warnings: none },
  },
  {
    file: 'incidentio/html/aiven-page-minor-2026-03.html', adapter: 'incidentio-html', role: 'main',
    read: 'flight data: 2 components (Aiven partial_outage via affected_components), 1 ongoing incident (monitoring) with 4 updates 2026-03-01T23:12:45.176Z → 2026-03-03T03:01:31.058Z, no maintenance',
    expect: { incidents: 1, open: 1, maintenances: 0, updates: 4, postmortems: 0, components: 2, first: '2026-03-01T23:12:45.176Z', last: '2026-03-03T03:01:31.058Z', level: 'partial_outage', warnings: none },
  },
  {
    file: 'incidentio/html/linear-page-good-2026-03.html', adapter: 'incidentio-html', role: 'main',
    read: 'flight data: 6 components, affected_components [], ongoing_incidents [], no maintenance; the page\'s "incidents" list holds 6 resolved incidents with 2+5+8+3+3+5 = 26 updates, published_at 2026-03-02T17:28:46.51Z → 2026-03-12T13:22:57.096Z',
    expect: { incidents: 6, open: 0, maintenances: 0, updates: 26, postmortems: 0, components: 6, first: '2026-03-02T17:28:46.510Z', last: '2026-03-12T13:22:57.096Z', level: 'operational', warnings: none },
  },
  {
    file: 'betterstack/html/buildjet-page-good-2026-03.html', adapter: 'betterstack-html', role: 'main',
    read: 'markup: "All services are online", 3 services (Website, Dashboard, GitHub Actions Job Execution) Operational, no incident',
    expect: { incidents: 0, open: 0, maintenances: 0, updates: 0, postmortems: 0, components: 3, first: null, last: null, level: 'operational', warnings: none },
  },
];
