import { spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Snapshot } from '../../shared/model/index.ts';
import { file, startFixtureServer, type FixtureServer } from '../support/fixture-server.ts';
import { REPO_ROOT } from '../support/paths.ts';

/**
 * `upstream check` on each real HTML capture served ALONE at `/` of its own loopback server: no
 * JSON endpoint exists, every other path answers 404, so the page itself is all there is to read.
 * The figures were established by reading each capture (its rendered text and embedded data).
 */
interface Case {
  fixture: string;
  name: string;
  level: string;
  exit: number;
  components: [string, string][];
  active: string[];
}

const CASES: Case[] = [
  {
    fixture: 'incidentio/html/aiven-page-minor-2026-03.html', name: 'Aiven', level: 'partial_outage', exit: 1,
    components: [['Aiven', 'partial_outage'], ['Support Ticketing System', 'operational']],
    active: ['Amazon Web Services (AWS) ME-CENTRAL-1 region status'],
  },
  {
    fixture: 'incidentio/html/linear-page-good-2026-03.html', name: 'Linear', level: 'operational', exit: 0,
    components: [
      ['US Region – Linear application', 'operational'], ['US Region – Linear API', 'operational'], ['US Region – Integrations', 'operational'],
      ['EU Region – Linear application', 'operational'], ['EU Region – Linear API', 'operational'], ['EU Region – Integrations', 'operational'],
    ],
    active: [],
  },
  {
    fixture: 'instatus/html/whereby-page-notice-2023-08.html', name: 'Whereby', level: 'degraded', exit: 1,
    components: [['Meeting rooms', 'operational'], ['Admin dashboard', 'degraded'], ['Embedded API', 'degraded'], ['whereby.com', 'operational']],
    active: ['Delays in room insights data refresh'],
  },
  {
    fixture: 'instatus/html/whereby-page-good-2026-03.html', name: 'Whereby', level: 'operational', exit: 0,
    components: [['Meeting rooms', 'operational'], ['whereby.com', 'operational'], ['Admin dashboard', 'operational'], ['Embedded API', 'operational']],
    active: [],
  },
  {
    fixture: 'betterstack/html/buildjet-page-good-2026-03.html', name: 'BuildJet', level: 'operational', exit: 0,
    components: [['Website', 'operational'], ['Dashboard', 'operational'], ['GitHub Actions Job Execution', 'operational']],
    active: [],
  },
];

const servers = new Map<string, FixtureServer>();

beforeAll(async () => {
  for (const c of CASES) {
    const server = await startFixtureServer();
    server.route('/', file(c.fixture));
    servers.set(c.fixture, server);
  }
});
afterAll(async () => {
  for (const server of servers.values()) await server.close();
});

function upstream(...args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [resolve(REPO_ROOT, 'electron/headless/bin.ts'), ...args], { cwd: REPO_ROOT, env: { ...process.env, TZ: 'UTC', NO_COLOR: '1' } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', fail);
    child.on('close', (code) => done({ code, stdout, stderr }));
  });
}

describe('upstream check on a status page with no JSON endpoints', () => {
  for (const c of CASES) {
    it(`reads ${c.fixture} from the page alone: ${c.level}, ${c.components.length} components, ${c.active.length} active incident(s)`, async () => {
      const server = servers.get(c.fixture);
      if (!server) throw new Error('no server');
      const run = await upstream('check', `${server.url}/`, '--json');
      expect(run.stderr).toBe('');
      expect(run.code).toBe(c.exit);
      const snapshot = JSON.parse(run.stdout) as Snapshot;
      expect(snapshot.page.name).toBe(c.name);
      expect(snapshot.status.level).toBe(c.level);
      expect(snapshot.components.map((x) => [x.name, x.status])).toEqual(c.components);
      expect(snapshot.incidents.filter((i) => i.status !== 'resolved' && i.status !== 'postmortem').map((i) => i.title)).toEqual(c.active);
      expect(snapshot.warnings).toEqual([]);
      // Polite: the page once, then only its own platform's JSON (all 404 here), nothing else.
      expect(server.paths()[0]).toBe('/');
      expect(server.paths().filter((p) => p === '/')).toHaveLength(1);
      expect(server.paths().length).toBeLessThanOrEqual(4);
    });
  }

  it('prints the Aiven incident in progress with its latest update in the readable summary', async () => {
    const server = servers.get('incidentio/html/aiven-page-minor-2026-03.html');
    if (!server) throw new Error('no server');
    const run = await upstream('check', `${server.url}/`);
    expect(run.code).toBe(1);
    expect(run.stdout.split('\n')[0]).toBe('Aiven: Partial outage');
    expect(run.stdout).toContain('Active incidents (1):\n  - Amazon Web Services (AWS) ME-CENTRAL-1 region status [Major impact], since 1 Mar 2026, 23:12 UTC\n');
    expect(run.stdout).toContain('    Monitoring at 3 Mar 2026, 03:01 UTC: Amazon Web Services (AWS) currently has an outage');
  });
});
