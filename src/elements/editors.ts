/**
 * Everything behind "open an editor", as one dynamic import target: each section's
 * `loadEditor()`, the default re-verification prompt and the phone summary's formatting import
 * this module and nothing lazier. The bundle build then has exactly one lazy chunk for the
 * editors, and rolldown keeps what they share with the panel (lit, the context, the catalog) in
 * the bundle itself: first paint is one file. (With one dynamic import per editor, rolldown 1.2
 * moved that shared code into a chunk of its own that the bundle imports statically: a second,
 * sequential request before anything renders. See vite.config.ts.)
 */
// Each editor module defines its element (and the internal elements it uses) when it loads.
import './user-settings-email/email-editor.js';
import './user-settings-password/password-editor.js';
import './user-settings-phone/phone-editor.js';
import './user-settings-tiktok/tiktok-editor.js';

export { requestReauth } from './reauth/request-reauth.js';

/**
 * The phone-number library, reached only from here, so the zone metadata it shares with the
 * phone editor (phone-zones.ts) stays in the editors' chunk and the library's chunk stays apart.
 */
export const loadPhoneLibrary = () => import('./user-settings-phone/phone-metadata.js');
