import type { ReauthPrompt } from '../../context/settings-context.js';

/** The built-in re-verification dialog, loaded the first time a change asks for it. */
export const defaultReauthPrompt: ReauthPrompt = async (request) => {
  const { requestReauth } = await import('../reauth/request-reauth.js');
  return requestReauth(request);
};
