import type { SettingsContext } from '../../context/settings-context.js';
import { type Capability, UserSettingsChangedEvent } from '../../events/events.js';

/**
 * For a change that returns no profile: reads `/me` again, then fires `usp-changed` once with the
 * fresh profile. The user may close the editor while the profile loads; the event then goes out
 * from the element that held the editor (captured before waiting), so the host still hears it.
 */
export async function announceAfterRefresh(editor: HTMLElement, context: SettingsContext, capability: Capability): Promise<void> {
  const root = editor.getRootNode();
  const holder = root instanceof ShadowRoot ? (root.host as HTMLElement) : editor;
  const profile = (await context.refreshProfile()) ?? context.profile;
  const target = editor.isConnected ? editor : holder;
  if (profile) target.dispatchEvent(new UserSettingsChangedEvent(capability, profile));
}
