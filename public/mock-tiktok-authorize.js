// The simulated TikTok authorize page of the mock backend (src/mock). A real static file: MSW never
// answers navigations, and this page does not run the mock itself. It hands its decision to the mock
// through localStorage (`usp-mock:tiktok-decision:<state>`, same origin), which the mock applies on
// its next request; then, in popup mode, it tells its opener (SPEC §4.4) and closes, or, in redirect
// mode, goes back to `returnUrl` with `usp_link_state=<state>`.
const KEY_PREFIX = 'usp-mock:tiktok-decision:';
const STATUS = { approve: 'linked', cancel: 'cancelled', fail: 'failed', account_in_use: 'failed' };
const ERROR = { fail: 'access_denied', account_in_use: 'tiktok_account_in_use' };

const params = new URLSearchParams(location.search);
const state = params.get('state') ?? '';
const mode = params.get('mode') === 'redirect' ? 'redirect' : 'popup';
const returnUrl = sameOriginUrl(params.get('returnUrl'));

function sameOriginUrl(value) {
  if (!value) return null;
  try {
    const url = new URL(value, location.origin);
    return url.origin === location.origin ? url : null;
  } catch {
    return null;
  }
}

function say(text) {
  document.getElementById('status').textContent = text;
}

function decide(decision) {
  for (const button of document.querySelectorAll('button')) button.disabled = true;
  try {
    localStorage.setItem(KEY_PREFIX + state, decision);
  } catch {
    say('The mock could not store your decision (localStorage is blocked).');
    return;
  }
  const status = STATUS[decision];
  if (mode === 'redirect') {
    if (!returnUrl) {
      say('Done. No valid return address was given: go back to the app.');
      return;
    }
    returnUrl.searchParams.set('usp_link_state', state);
    say('Done. Returning to the app…');
    location.assign(returnUrl.href);
    return;
  }
  const message = { type: 'user-settings:tiktok-link', state, status };
  if (ERROR[decision]) message.error = ERROR[decision];
  if (window.opener && !window.opener.closed) window.opener.postMessage(message, location.origin);
  say('Done. You can close this window.');
  window.close();
}

function init() {
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(`
    :root { color-scheme: light dark; font: 16px/1.5 system-ui, sans-serif; }
    body { margin: 0; background: Canvas; color: CanvasText; }
    main { max-width: 28rem; margin: 0 auto; padding: 1.5rem 1rem; }
    .badge { display: inline-block; margin: 0 0 1rem; padding: .125rem .5rem; border-radius: 1rem;
      background: #fff3cd; color: #5c4500; font-size: .8125rem; }
    .logo { width: 3rem; height: 3rem; border-radius: .75rem; background: #000; color: #25f4ee;
      display: grid; place-items: center; font-size: 1.75rem; text-shadow: 2px 2px #fe2c55; }
    h1 { font-size: 1.375rem; margin: 1rem 0 .5rem; }
    h2 { font-size: 1rem; margin: 1.25rem 0 .25rem; }
    ul { padding-inline-start: 1.25rem; margin: 0; }
    .actions { display: flex; flex-wrap: wrap; gap: .5rem; margin-top: 1rem; }
    button { min-height: 44px; min-width: 44px; padding: 0 1.25rem; border-radius: .375rem; font: inherit;
      border: 1px solid #767676; background: ButtonFace; color: ButtonText; cursor: pointer; }
    button.primary { background: #c81e4a; border-color: #c81e4a; color: #fff; }
    button:focus-visible { outline: 3px solid #1a73e8; outline-offset: 2px; }
    button:disabled { cursor: default; opacity: .6; }
    #status:empty { display: none; }
    #status { margin-top: 1rem; font-weight: 600; }
  `);
  document.adoptedStyleSheets = [sheet];
  if (!/^[\w-]{1,128}$/.test(state)) {
    say('This link is not valid: it has no link state.');
    for (const button of document.querySelectorAll('button')) button.disabled = true;
    return;
  }
  for (const button of document.querySelectorAll('button[data-decision]')) {
    button.addEventListener('click', () => decide(button.dataset.decision));
  }
  document.querySelector('button.primary')?.focus();
}

init();
