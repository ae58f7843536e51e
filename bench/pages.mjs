// The pages `npm run bench` loads. Each starts with the same inline probe (no extra request):
// it records long tasks from the start and the moment the profile shows, checked on every
// animation frame (the frame that paints it).

const probe = (shown) => `<script>
  window.__bench = { longTasks: [], shownAt: undefined };
  new PerformanceObserver((list) => {
    for (const task of list.getEntries()) __bench.longTasks.push({ start: task.startTime, duration: task.duration });
  }).observe({ type: 'longtask', buffered: true });
  /** Finds the first match of selector in the document or any open shadow root below it. */
  window.__deep = function deep(selector, root = document) {
    const found = root.querySelector(selector);
    if (found) return found;
    for (const el of root.querySelectorAll('*')) {
      const inner = el.shadowRoot && deep(selector, el.shadowRoot);
      if (inner) return inner;
    }
    return null;
  };
  window.__until = (test) => new Promise((resolve) => {
    const check = () => (test() ? resolve(performance.now()) : requestAnimationFrame(check));
    check();
  });
  __bench.shown = __until(${shown}).then((at) => (__bench.shownAt = at));
</script>`;

const page = (title, head, body = '') => `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${title}</title>${head}</head>
<body><main style="width: 360px">${body}</main></body></html>`;

/** The address every page expects on the profile (the mock's default preset). */
export const EMAIL = 'jordan.rivera@example.com';

const panelShown = `() => document.querySelector('user-settings-panel')?.shadowRoot
  ?.querySelector('user-settings-email')?.shadowRoot?.textContent.includes(${JSON.stringify(EMAIL)})`;

export const pages = {
  /** Nothing but the probe: the cost of a navigation and a first frame. */
  blank: page('blank', probe('() => true')),
  /** lit + @lit/context + ky + zod/mini: GET /me, validate, render one element. */
  floor: page('floor', `${probe(`() => document.querySelector('floor-profile')?.shadowRoot?.textContent.includes(${JSON.stringify(EMAIL)})`)}
<script type="module" src="/floor/floor.js"></script>`, '<floor-profile></floor-profile>'),
  /** The built bundle, mounted on the default HTTP backend. */
  panel: page('panel', `${probe(panelShown)}
<script type="module" src="/dist/user-settings-panel.bundle.js"></script>`, '<user-settings-panel api-base="/api"></user-settings-panel>'),
  /** The built bundle, not mounted: the heap test mounts and unmounts it from the benchmark. */
  heap: page('heap', `${probe('() => true')}
<script type="module">
  import '/dist/user-settings-panel.bundle.js';
  const stage = document.querySelector('main');
  const shown = (panel) => panel.shadowRoot?.querySelector('user-settings-email')?.shadowRoot?.textContent.includes(${JSON.stringify(EMAIL)});
  window.cycles = async (count) => {
    for (let i = 0; i < count; i++) {
      const panel = document.createElement('user-settings-panel');
      panel.setAttribute('api-base', '/api');
      stage.append(panel);
      await __until(() => shown(panel));
      panel.remove();
    }
    return document.querySelectorAll('user-settings-panel').length;
  };
</script>`),
};
