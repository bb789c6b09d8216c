import type { Settings } from '../../../shared/contract/settings.ts';
import type { SeverityThreshold, VendorRules } from '../../../shared/model/index.ts';
import { formatAbsolute, formatClock } from '../../lib/time.ts';

/** The Settings view's sections, in the order of its sub-navigation. */
export const SECTIONS = [
  { id: 'vendors', label: 'Vendors' },
  { id: 'notifications', label: 'Notifications' },
  { id: 'appearance', label: 'Appearance' },
  { id: 'data', label: 'Data' },
] as const;
export type SectionId = (typeof SECTIONS)[number]['id'];

export function sectionOf(value: string | null): SectionId {
  return SECTIONS.find((s) => s.id === value)?.id ?? 'vendors';
}

/** Polling intervals a person picks from, in minutes (the engine's floor is 30 s). */
export const INTERVAL_MINUTES = [1, 2, 5, 10, 15, 30, 60] as const;

export function intervalWords(seconds: number): string {
  if (seconds % 3600 === 0) return seconds === 3600 ? '1 hour' : `${seconds / 3600} hours`;
  if (seconds % 60 === 0) return seconds === 60 ? '1 min' : `${seconds / 60} min`;
  return seconds < 60 ? `${seconds} s` : `${Math.floor(seconds / 60)} min ${seconds % 60} s`;
}

/** The thresholds a person picks from; muting is its own toggle. */
export const THRESHOLD_CHOICES: readonly { value: Exclude<SeverityThreshold, 'muted'>; label: string; hint: string }[] = [
  { value: 'all', label: 'All', hint: 'Every incident, update and maintenance' },
  { value: 'major', label: 'Major and critical', hint: 'Only incidents the vendor rates major or critical' },
  { value: 'critical', label: 'Critical only', hint: 'Only incidents the vendor rates critical' },
];

export const THRESHOLD_LABELS: Record<SeverityThreshold, string> = { all: 'All', major: 'Major and critical', critical: 'Critical only', muted: 'Muted' };

const FALLBACK_RULES: VendorRules = { threshold: 'all', components: [], kinds: [] };

/** A vendor's notification rules: its own when it has them, else the defaults. */
export function rulesOf(settings: Settings | null, vendorId: string | null): { rules: VendorRules; own: boolean } {
  const n = settings?.notifications;
  if (!n) return { rules: FALLBACK_RULES, own: false };
  const own = vendorId === null ? undefined : n.perVendor[vendorId];
  return own ? { rules: own, own: true } : { rules: n.defaults, own: vendorId === null };
}

/** The snooze in force for a vendor (or for everything, when vendorId is null), if any. */
export function activeSnooze(settings: Settings | null, vendorId: string | null, now: number): string | null {
  const until = (settings?.notifications.snoozes ?? [])
    .filter((z) => z.vendorId === vendorId && Date.parse(z.until) > now)
    .map((z) => z.until)
    .sort()
    .at(-1);
  return until ?? null;
}

/** Minutes from now until the next 08:00 after today, on the local wall clock. */
export function minutesUntilTomorrowMorning(now: number): number {
  const d = new Date(now);
  const target = new Date(d.getFullYear(), d.getMonth(), d.getDate() + 1, 8, 0, 0, 0);
  return Math.max(1, Math.ceil((target.getTime() - now) / 60_000));
}

export const SNOOZE_CHOICES: readonly { label: string; minutes: (now: number) => number }[] = [
  { label: 'For 1 hour', minutes: () => 60 },
  { label: 'Until tomorrow 08:00', minutes: minutesUntilTomorrowMorning },
  { label: 'For 1 week', minutes: () => 7 * 24 * 60 },
];

/** "14:30" today, "tomorrow 08:00", or the full date beyond. */
export function untilWords(iso: string, now: number): string {
  const at = new Date(iso);
  const today = new Date(now);
  const tomorrow = new Date(today.getFullYear(), today.getMonth(), today.getDate() + 1);
  const sameDay = (a: Date, b: Date): boolean => a.getFullYear() === b.getFullYear() && a.getMonth() === b.getMonth() && a.getDate() === b.getDate();
  if (sameDay(at, today)) return formatClock(iso);
  if (sameDay(at, tomorrow)) return `tomorrow ${formatClock(iso)}`;
  return formatAbsolute(iso, { now });
}

/** Whether a watched vendor's component filter includes a component (saved by name or by id). */
export function isChosen(filter: readonly string[], component: { id: string; name: string }): boolean {
  return filter.includes(component.name) || filter.includes(component.id);
}

/** A DOM id from a vendor id (slugs already, but a hand-edited file may hold anything). */
export function domId(prefix: string, id: string): string {
  return `${prefix}-${id.replace(/[^A-Za-z0-9_-]/g, '_')}`;
}
