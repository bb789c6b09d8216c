import { useCallback, useSyncExternalStore } from 'react';

export type TimelineOrder = 'oldest' | 'newest';
const KEY = 'upstream.timelineOrder';
const listeners = new Set<() => void>();

function read(): TimelineOrder {
  try {
    return window.localStorage.getItem(KEY) === 'newest' ? 'newest' : 'oldest';
  } catch {
    return 'oldest';
  }
}

/**
 * Oldest first reads as a story; vendors post newest first. The reader's choice is remembered on
 * this device (a display preference, not a setting the engine needs).
 */
export function useTimelineOrder(): [TimelineOrder, (order: TimelineOrder) => void] {
  const order = useSyncExternalStore((l) => {
    listeners.add(l);
    return () => listeners.delete(l);
  }, read);
  const set = useCallback((next: TimelineOrder) => {
    try {
      window.localStorage.setItem(KEY, next);
    } catch {
      // Storage refused (private mode): the choice lasts for this page only.
    }
    listeners.forEach((l) => l());
  }, []);
  return [order, set];
}
