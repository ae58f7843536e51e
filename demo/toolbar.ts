/** The dev toolbar: the mock's preset and scenario flags, the panels' language and theme, the host's unlink veto. */
import { html, render } from 'lit';
import type { MockBackend } from '../src/mock/browser.js';
import { presetNames, presets, type MockPresetName, type MockScenarioFlags } from '../src/mock/index.js';
import { applyLocale } from './panels.js';
import { saveSettings, settings, type DemoSettings } from './settings.js';

type FlagName = 'rateLimited' | 'linkingUnavailable' | 'reauthRequired' | 'serverErrors' | 'malformed' | 'signedOut' | 'offline';

const flags: readonly { name: FlagName; label: string }[] = [
  { name: 'reauthRequired', label: 'Re-verification required' },
  { name: 'rateLimited', label: 'Rate limited' },
  { name: 'linkingUnavailable', label: 'TikTok linking unavailable' },
  { name: 'serverErrors', label: 'Server errors' },
  { name: 'malformed', label: 'Malformed responses' },
  { name: 'offline', label: 'Offline' },
  { name: 'signedOut', label: 'Signed out' },
];

const presetLabels: Record<MockPresetName, string> = {
  default: 'Default (email + password)',
  tiktokSignup: 'Signed up with TikTok',
  tiktokOnly: 'TikTok only',
  phoneOnly: 'Phone only',
  linkedPersonal: 'Linked personal TikTok',
  linkedBusiness: 'Linked Business Account',
  linkingUnavailable: 'Linking unavailable',
};

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;

/**
 * Wires the toolbar to the mock. `remount` gives every panel a fresh mount (after a preset
 * change or on request), so what matters at load shows.
 */
export function setupToolbar(mock: MockBackend, remount: () => void): void {
  const preset = $<HTMLSelectElement>('preset');
  const latency = $<HTMLSelectElement>('latency');
  const locale = $<HTMLSelectElement>('locale');
  const theme = $<HTMLSelectElement>('theme');
  const veto = $<HTMLInputElement>('veto-unlink');

  render(presetNames.map((name) => html`<option value=${name}>${presetLabels[name] ?? name}</option>`), preset);
  preset.value = settings.preset;
  locale.value = settings.locale;
  theme.value = settings.theme;
  veto.checked = settings.vetoUnlink;

  const renderFlags = (current: Readonly<MockScenarioFlags>) => {
    render(flags.map(({ name, label }) => html`
      <label class="switch">
        <input type="checkbox" name=${name} .checked=${current[name] !== false}
          @change=${(event: Event) => mock.scenarios.set({ [name]: (event.target as HTMLInputElement).checked })} />
        <span>${label}</span>
      </label>`), $('flags'));
    const ms = String(current.latencyMs);
    if (![...latency.options].some((option) => option.value === ms)) latency.add(new Option(`${ms} ms`, ms));
    latency.value = ms;
  };
  renderFlags(mock.scenarios.flags);
  mock.scenarios.subscribe(renderFlags);

  latency.addEventListener('change', () => mock.scenarios.set({ latencyMs: Number(latency.value) }));
  preset.addEventListener('change', () => {
    const name = preset.value as MockPresetName;
    if (!(name in presets)) return;
    saveSettings({ preset: name });
    mock.state.reset(name);
    remount();
  });
  $('reset-mock').addEventListener('click', () => {
    mock.state.reset(settings.preset);
    remount();
  });
  $('remount').addEventListener('click', remount);
  locale.addEventListener('change', () => {
    saveSettings({ locale: locale.value as DemoSettings['locale'] });
    applyLocale();
  });
  theme.addEventListener('change', () => {
    saveSettings({ theme: theme.value as DemoSettings['theme'] });
    applyLocale();
  });
  veto.addEventListener('change', () => saveSettings({ vetoUnlink: veto.checked }));
  $('devbar').addEventListener('submit', (event) => event.preventDefault());
}
