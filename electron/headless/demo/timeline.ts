import { NORTHWIND } from './northwind.ts';
import { renderVendor } from './render-vendor.ts';
import { MINUTE, type VendorScript } from './script.ts';
import { SKYLINE } from './skyline.ts';
import type { DemoDocuments } from './statuspage-types.ts';

export type { DemoDocuments } from './statuspage-types.ts';

/** The demo's vendors, in the order the watchlist lists them. */
export const DEMO_SCRIPTS: readonly VendorScript[] = [SKYLINE, NORTHWIND];

/**
 * How long the live story lasts at speed 1. After it, nothing changes any more: the incident is
 * resolved with its postmortem, the maintenance completed, and both belong to history.
 */
export const DEMO_STORY_MS = 5 * MINUTE;

export interface TimelineOptions {
  /** Where the demo is served (`http://127.0.0.1:<port>`): page, incident and short links use it. */
  origin: string;
  /** How much faster than real time the live story runs. Default 1. */
  speed?: number;
}

/**
 * Every demo vendor's Statuspage documents at `now`, keyed by vendor id. A pure function of
 * time: the start instant anchors every timestamp (history is "N days before the start", the live
 * incident "15 s after"), so a replay with the same start and `now` serves identical bytes, and a
 * test can look at any moment of the story without waiting for it.
 */
export function demoTimeline(startedAt: number, now: number, options: TimelineOptions): Record<string, DemoDocuments> {
  const speed = options.speed ?? 1;
  if (!(speed > 0) || !Number.isFinite(speed)) throw new RangeError(`speed must be a positive number, got ${speed}`);
  const clock = { startedAt, now, speed };
  return Object.fromEntries(DEMO_SCRIPTS.map((script) => [script.id, renderVendor(script, clock, demoBase(options.origin, script.id))]));
}

/** A demo vendor's base URL: its page, and the root its `/api/v2/*` paths hang off. */
export function demoBase(origin: string, vendorId: string): string {
  return `${origin.replace(/\/+$/, '')}/${vendorId}`;
}
