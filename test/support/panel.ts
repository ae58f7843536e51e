/** Mounting helpers shared by the browser tests. */
import { fixture, html } from '@open-wc/testing';
import type { TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import '../../src/define.js';
import type { UserSettingsPanel } from '../../src/elements/user-settings-panel/user-settings-panel.js';
import type { MockPresetName } from '../../src/mock/state.js';
import { deepText, waitFor, waitForEditor } from './dom.js';
import { mockBackend, requestsTo } from './mock.js';
import { user } from './user.js';

export interface MountOptions {
  host?: string;
  sections?: string;
  locale?: string;
  /** `default-country` (no attribute when undefined). */
  defaultCountry?: string;
  /** `callback-origin` (no attribute when undefined). */
  callbackOrigin?: string;
  /** Wait until `/me` has been answered and the summary shows (default true). */
  loaded?: boolean;
}

/** Mounts `<user-settings-panel>` against the mock at `/api`. */
export async function mountPanel({ host = 'business-center', sections = '', locale = 'en', defaultCountry, callbackOrigin, loaded = true }: MountOptions = {}) {
  const panel = await fixture<UserSettingsPanel>(html`
    <user-settings-panel api-base="/api" host=${host} sections=${sections} locale=${locale}
      default-country=${ifDefined(defaultCountry)} callback-origin=${ifDefined(callbackOrigin)}></user-settings-panel>`);
  if (loaded) await waitFor(() => panel.shadowRoot!.querySelector('.sections'), { message: 'the panel to load' });
  return panel;
}

/**
 * Resets the mock to `preset`, mounts the panel with only `section`, clicks the row's `button`
 * and waits for the section's editor (`usp-<section>-editor`) to render its form.
 */
export async function openSectionEditor<T extends HTMLElement>(section: string, button: string, preset: MockPresetName = 'default') {
  const mock = await mockBackend(preset);
  const panel = await mountPanel({ sections: section });
  await user.click('button', button);
  const editor = await waitForEditor<T>(`usp-${section}-editor`);
  return { mock, panel, editor };
}

/** Mounts `child` under `<user-settings-provider api-base="/api">`; returns the child element matching `selector`. */
export async function mountInProvider<T extends Element>(child: TemplateResult, selector: string): Promise<T> {
  const provider = await fixture(html`<user-settings-provider api-base="/api">${child}</user-settings-provider>`);
  return provider.querySelector<T>(selector)!;
}

export { deepText, mockBackend, requestsTo, waitFor };
