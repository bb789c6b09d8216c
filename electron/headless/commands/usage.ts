/**
 * Every command's usage text, apart from the commands themselves: `upstream help` and a usage
 * error print these without loading the engine, which keeps the CLI's start instant.
 */

export const CHECK_USAGE = `Usage: upstream check <url-or-catalog-id> [--json] [--timeout SECONDS]

Reads one status page once and prints its overall status, the components that are not
operational, active incidents with their latest update, and upcoming maintenance.

  <url-or-catalog-id>  a catalogue id (github, stripe), a status page's home page or custom
                       domain (www.githubstatus.com), or a feed/API URL (…/api/v2/summary.json)
  --json               print the normalised snapshot as JSON instead
  --timeout SECONDS    per-request time limit (default 10)

Exit code: 0 operational or under maintenance, 1 degraded or worse, 2 error.
`;

export const DAEMON_USAGE = `Usage: upstream daemon [--once] [--json] [--no-notify] [--home DIR]

Polls every vendor on the watchlist (each at its own interval, default 5 minutes), records every
incident, update, resolution, postmortem, component change and maintenance in the history
database, prints each new event as a line, and raises a native notification once per event.
Changes to the watchlist (from \`upstream watch\`, the app, or an edit of config.json) are picked
up within a second or two.

  --once        poll every vendor once, apply the changes, notify, and exit (cron, scripts)
  --json        print events as JSON lines: {"type":"event","event":{…}}
  --no-notify   record and print, but show no native notifications
`;

export const EXPORT_USAGE = `Usage: upstream export ics [--out FILE] [--days-back N] [--days-ahead N] [--vendor ID]

Writes the maintenance calendar of watched vendors as iCalendar (RFC 5545), for any calendar app.
Default window: 30 days back to 365 days ahead. Without --out the calendar goes to stdout.
`;

export const HISTORY_USAGE = `Usage: upstream history <search|stats> [options]

  history search "<query>" [--vendor ID] [--since DATE] [--limit N] [--json]
      full-text search over incident titles, updates and postmortems, best match first
  history stats [--vendor ID] [--since DATE] [--until DATE] [--json]
      incidents, time to resolve, and time in each status per month

DATE is ISO-8601 (2026-01-31 or 2026-01-31T12:00:00Z). --json output is documented in the README.
`;

export const SERVE_USAGE = `Usage: upstream serve [--home DIR] [--port N] [--no-open] [--demo]

Runs the watch loop and the Upstream window in your browser, on this machine only
(127.0.0.1). Prints the address to open, with a one-time token; the browser keeps it in a
cookie after the first load.

  --port N     listen on port N (default: a free port)
  --no-open    print the address but do not open a browser
  --demo       watch a built-in demo instead of the network: fictional vendors whose incident
               opens, is updated, resolves and gets a postmortem over a few minutes (with --home,
               the demo's history goes there; without, into a new temporary folder)
`;

export const WATCH_USAGE = `Usage: upstream watch <add|remove|list|export|import> [options]

  watch add <catalog-id-or-url> [--interval SECONDS]   watch a vendor (URLs are detected)
  watch remove <vendor-id>                              stop watching a vendor
  watch list [--json]                                   the watchlist
  watch export [FILE]                                   the watchlist as JSON (stdout without FILE)
  watch import FILE                                     add the vendors of an exported watchlist

Options: --home DIR (or UPSTREAM_HOME) for the folder with config.json and history.db.
`;
