import { useEffect, useRef } from "react";

/**
 * Calls `tick` every `intervalMs` while `enabled`, skipping ticks while the page is hidden (the
 * Mini App in the background) and never overlapping a tick that is still running.
 */
export function usePolling(tick: () => Promise<unknown>, intervalMs: number, enabled: boolean): void {
  const tickRef = useRef(tick);
  tickRef.current = tick;

  useEffect(() => {
    if (!enabled) return;
    let running = false;
    const timer = setInterval(() => {
      if (running || document.hidden) return;
      running = true;
      tickRef.current()
        .catch(() => undefined)
        .finally(() => {
          running = false;
        });
    }, intervalMs);
    return () => clearInterval(timer);
  }, [enabled, intervalMs]);
}
