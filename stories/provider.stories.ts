import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { mockParameters, providerArgs, providerArgTypes, STORY_API_BASE, themeStyle, type ProviderStoryArgs } from './support.js';

type ProviderArgs = Pick<ProviderStoryArgs, 'host' | 'locale' | 'theme'>;

/**
 * `<user-settings-provider>`: the context (backend, profile, messages, host settings) for hosts
 * that place the sub-elements in their own layout. One `GET /me` serves all of them.
 */
const meta = {
  title: 'Panel/user-settings-provider',
  component: 'user-settings-provider',
  args: { host: providerArgs.host, locale: providerArgs.locale, theme: 'auto' },
  argTypes: { host: providerArgTypes.host, locale: providerArgTypes.locale, theme: providerArgTypes.theme },
  parameters: mockParameters('linkedPersonal'),
  render: ({ host, locale, theme = 'auto' }) => html`
    <user-settings-provider api-base=${STORY_API_BASE} host=${host} locale=${locale}>
      <div style="display: grid; gap: 16px; max-width: 640px; padding: 0 16px; border: 1px solid #767b85; border-radius: 8px; ${themeStyle(theme)}">
        <user-settings-email></user-settings-email>
        <user-settings-tiktok></user-settings-tiktok>
      </div>
    </user-settings-provider>
  `,
} satisfies Meta<ProviderArgs>;

export default meta;

/** Two sub-elements of the host's choosing under one provider. */
export const TwoSubElements: StoryObj<ProviderArgs> = {};
