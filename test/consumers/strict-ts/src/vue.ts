// Vue 3 templates see the tags through `GlobalComponents` (vue-tsc reads the same interface).
import type { GlobalComponents } from 'vue';
import type { UserSettingsChangedEvent } from 'user-settings-panel';
import 'user-settings-panel/define';

type PanelInTemplates = InstanceType<GlobalComponents['user-settings-panel']>;
export const props: PanelInTemplates['$props'] = { host: 'business-center', 'api-base': '/api', headers: { authorization: 'Bearer t' } };
// @ts-expect-error a host kind that does not exist
export const wrong: PanelInTemplates['$props'] = { host: 'elsewhere' };
export type Emits = PanelInTemplates['$emit'];
export const onChanged = (event: UserSettingsChangedEvent) => event.detail.capability;
