/** A Statuspage-shaped summary as incident.io serves it: ULIDs where Statuspage has 12-char codes. */
export const COMPAT_SUMMARY = JSON.stringify({
  page: { id: '01H0FX8N7BG3M9PMMX0J0HENJF', name: 'Aiven', url: 'https://status.aiven.io', time_zone: 'Etc/UTC', updated_at: '2026-03-03T03:01:31.058Z' },
  status: { indicator: 'minor', description: 'Partially Degraded Service' },
  components: [
    { id: '01H0FX8N7BQQ0RCMXSG3YPD5WW', name: 'Aiven', status: 'partial_outage', position: 1, group: false, group_id: null },
    { id: '01J5960BYF1GC9A3PSGB356XVP', name: 'Support Ticketing System', status: 'operational', position: 2, group: false, group_id: null },
  ],
  incidents: [],
  scheduled_maintenances: [],
});
