import { useEffect, useRef, useState } from 'react';

/** Often enough that a new ticket shows within 5 s (the desk queue's promise), counted from the end of the last load. */
export const TICKET_POLL_MS = 3000;

function pageVisible(): boolean {
  return document.visibilityState === 'visible';
}

/**
 * Calls `refresh` whenever the caller's tickets may have changed, so a page stays current
 * without a reload. For now it polls: `refresh` runs TICKET_POLL_MS after the previous load
 * ended (`busy` false: slow answers never pile up), only while the tab is visible, and at
 * once when the tab becomes visible again. GET /tickets/stream (server-sent events) can
 * replace this body without touching its callers: refresh on each event instead.
 * `enabled` false: nothing (hooks cannot be called conditionally).
 */
export function useTicketChanges(refresh: () => void, busy: boolean, enabled = true): void {
  const latest = useRef(refresh);
  useEffect(() => {
    latest.current = refresh;
  });
  const [visible, setVisible] = useState(pageVisible);

  useEffect(() => {
    if (!enabled) return;
    const onVisibility = () => {
      setVisible(pageVisible());
      if (pageVisible()) latest.current();
    };
    document.addEventListener('visibilitychange', onVisibility);
    return () => document.removeEventListener('visibilitychange', onVisibility);
  }, [enabled]);

  useEffect(() => {
    if (!enabled || busy || !visible) return;
    const timer = window.setTimeout(() => latest.current(), TICKET_POLL_MS);
    return () => window.clearTimeout(timer);
  }, [enabled, busy, visible]);
}
