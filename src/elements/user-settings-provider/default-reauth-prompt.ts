import type { ReauthPrompt } from '../../context/settings-context.js';

/** The built-in re-verification dialog, loaded the first time a change asks for it. */
export const defaultReauthPrompt: ReauthPrompt = async (request) => {
  const { requestReauth } = await import('../editors.js');
  return requestReauth(request);
};
