// @ts-check
/**
 * The simulated TikTok authorize page of the Node mock server, rendered on the server: the page
 * posts the user's decision back to the server, which applies it to the mock's state and then
 * either tells the opener (popup mode, SPEC §4.4 step 2) or returns to `returnUrl` with
 * `usp_link_state` (redirect mode, step 4). The browser mock's static page does the same through
 * localStorage; here the state lives in this process, so a form post is simpler.
 */

/** @typedef {'approve' | 'cancel' | 'fail' | 'account_in_use'} Decision */

/** @type {readonly Decision[]} */
export const DECISIONS = ['approve', 'cancel', 'fail', 'account_in_use'];

const LABELS = /** @type {const} */ ({
  approve: 'Approve',
  cancel: 'Cancel',
  fail: 'Fail',
  account_in_use: 'Account already in use',
});

/** A CSP that lets only this server's own script run and forms post only to it. */
export const PAGE_CSP = "default-src 'none'; script-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

/**
 * Escapes text for HTML element content and double-quoted attributes.
 * @param {string} text
 */
function escapeHtml(text) {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

/**
 * @param {string} title
 * @param {string} body HTML, already escaped
 */
function page(title, body) {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<meta name="robots" content="noindex">
<title>${escapeHtml(title)}</title>
</head>
<body>
<main>
<p><strong>Development mock</strong>: nothing leaves this machine.</p>
${body}
</main>
</body>
</html>
`;
}

/**
 * The consent page for one link session.
 * @param {{ action: string, state: string, mode: string, returnUrl: string }} session
 */
export function authorizePage({ action, state, mode, returnUrl }) {
  const hidden = [
    ['state', state],
    ['mode', mode],
    ['returnUrl', returnUrl],
  ]
    .map(([name, value]) => `<input type="hidden" name="${name}" value="${escapeHtml(value)}">`)
    .join('\n');
  const buttons = DECISIONS.map(
    (decision) => `<button type="submit" name="decision" value="${decision}">${LABELS[decision]}</button>`,
  ).join('\n');
  return page(
    'Authorize with TikTok (mock)',
    `<h1>Link your TikTok account</h1>
<p>The app wants to link the TikTok account <strong>@mock.creator</strong> to your TikTok For Business account.</p>
<form method="post" action="${escapeHtml(action)}">
${hidden}
<fieldset><legend>Your decision</legend>
${buttons}
</fieldset>
</form>`,
  );
}

/**
 * The page a popup lands on after the decision: its script posts the result to the opener.
 * @param {{ scriptUrl: string, message: object, targetOrigin: string }} result
 */
export function popupResultPage({ scriptUrl, message, targetOrigin }) {
  return page(
    'Done (mock)',
    `<p id="status">Done. You can close this window.</p>
<script src="${escapeHtml(scriptUrl)}" data-message="${escapeHtml(JSON.stringify(message))}" data-target-origin="${escapeHtml(targetOrigin)}"></script>`,
  );
}

/** A page for an authorize link without a valid state. */
export function invalidLinkPage() {
  return page('Invalid link (mock)', '<p>This link is not valid: it has no usable link state.</p>');
}

/** The popup result page's script (served by the server itself, so the CSP needs no inline script). */
export const POPUP_RESULT_SCRIPT = `const script = document.currentScript;
const message = JSON.parse(script.dataset.message);
if (window.opener && !window.opener.closed) window.opener.postMessage(message, script.dataset.targetOrigin);
window.close();
`;
