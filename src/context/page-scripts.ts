/**
 * Resolves once the page's own scripts that come after the bundle have had their turn, so the
 * first request carries what they configure (SPEC §3: "configuration lands before the first request").
 *
 * Module and deferred scripts run in document order, all before `DOMContentLoaded`; a host script
 * placed right after the bundle therefore runs after the bundle upgraded the element, but before
 * that event. While the event is still to come, wait for it, plus one task so the host's own
 * `DOMContentLoaded` listeners run too. Afterwards (an app mounting the element later) resolve at once.
 */
export function afterPageScripts(): Promise<void> {
  if (!domContentLoadedPending()) return Promise.resolve();
  return new Promise((resolve) => {
    document.addEventListener('DOMContentLoaded', () => setTimeout(resolve), { once: true });
  });
}

function domContentLoadedPending(): boolean {
  if (document.readyState === 'loading') return true;
  if (document.readyState === 'complete') return false;
  // 'interactive' spans both "deferred scripts still running" and "all done": the navigation
  // timing entry tells which (its DOMContentLoaded start stays 0 until the event fires).
  const [navigation] = performance.getEntriesByType('navigation') as PerformanceNavigationTiming[];
  return navigation !== undefined && navigation.domContentLoadedEventStart === 0;
}
