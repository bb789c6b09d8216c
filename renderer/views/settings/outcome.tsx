import { useCallback, useEffect, useRef, useState, type ReactNode } from 'react';
import type { ApiResult } from '../../../shared/contract/result.ts';

/** What the last change near a control came to: nothing yet, on its way, saved, or refused. */
export type Outcome =
  | { state: 'idle' }
  | { state: 'saving'; text: string }
  | { state: 'saved'; text: string }
  | { state: 'error'; text: string };

/** "Saved ✓" fades after a while; an error stays until the next attempt, so it can be read. */
const SAVED_SHOWN_MS = 6_000;

export interface OutcomeHandle {
  outcome: Outcome;
  /**
   * Run one engine call and show how it went. `saved` is the success text (or built from the
   * answer). Returns the answer, or null when the view went away meanwhile.
   */
  run<T>(call: () => Promise<ApiResult<T>>, saved?: string | ((value: T) => string), saving?: string): Promise<ApiResult<T> | null>;
  show(outcome: Outcome): void;
}

export function useOutcome(): OutcomeHandle {
  const [outcome, setOutcome] = useState<Outcome>({ state: 'idle' });
  const mounted = useRef(true);
  const seq = useRef(0);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
      clearTimeout(timer.current);
    };
  }, []);
  const show = useCallback((next: Outcome) => {
    clearTimeout(timer.current);
    setOutcome(next);
    if (next.state === 'saved') {
      const mine = seq.current;
      timer.current = setTimeout(() => {
        if (mounted.current && seq.current === mine) setOutcome({ state: 'idle' });
      }, SAVED_SHOWN_MS);
    }
  }, []);
  const run = useCallback(async <T,>(call: () => Promise<ApiResult<T>>, saved: string | ((value: T) => string) = 'Saved', saving = 'Saving…'): Promise<ApiResult<T> | null> => {
    const mine = ++seq.current;
    show({ state: 'saving', text: saving });
    const result = await call();
    if (!mounted.current) return null;
    // A later change owns the note now; this answer still counts for the caller.
    if (seq.current === mine) {
      show(result.ok ? { state: 'saved', text: typeof saved === 'function' ? saved(result.value) : saved } : { state: 'error', text: result.error.message });
    }
    return result;
  }, [show]);
  return { outcome, run, show };
}

/**
 * The note beside a control. The live region is always in the page (empty when idle), so a
 * screen reader announces each change of it politely, the way a person glances at it.
 */
export function OutcomeNote({ outcome, className }: { outcome: Outcome; className?: string }): ReactNode {
  return (
    <span className={`settings-outcome settings-outcome-${outcome.state}${className ? ` ${className}` : ''}`} role="status" aria-live="polite">
      {outcome.state === 'idle' ? null : outcome.state === 'saved' ? <><span aria-hidden="true">✓ </span>{outcome.text}</> : outcome.state === 'saving' ? <><span className="spinner settings-spinner" aria-hidden="true" /> {outcome.text}</> : outcome.text}
    </span>
  );
}

/**
 * A control's value: what the person just chose, until the engine's settings change (its answer
 * arrives as a `settings` or `vendor` message), then what the engine applied. Without it a toggle
 * would spring back for the moment between the click and the engine's message.
 */
export function useDraft<T>(applied: T): [value: T, choose: (value: T) => void, forget: () => void] {
  const [draft, setDraft] = useState<{ value: T } | null>(null);
  const key = JSON.stringify(applied);
  useEffect(() => setDraft(null), [key]);
  const forget = useCallback(() => setDraft(null), []);
  const choose = useCallback((value: T) => setDraft({ value }), []);
  return [draft ? draft.value : applied, choose, forget];
}
