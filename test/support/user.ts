/**
 * Drive the UI as a person would: by role and accessible name, with real clicks and key
 * presses (Playwright, through shadow roots). `name` matches a substring unless `exact`.
 */
import { executeServerCommand } from '@web/test-runner-commands';

type Role = 'button' | 'textbox' | 'checkbox' | 'link' | 'dialog' | 'combobox' | 'option' | 'heading' | 'alert' | 'status' | 'radio' | 'listbox' | 'region' | 'img' | 'switch' | 'group';
interface Target { role: Role; name?: string | RegExp; exact?: boolean }

const run = <T = unknown>(payload: Record<string, unknown>) => {
  if (payload.name instanceof RegExp) throw new Error('Pass names as strings (substring match) or with exact: true');
  return executeServerCommand<T, Record<string, unknown>>('user', payload);
};

export const user = {
  click: (role: Role, name?: string, options: Partial<Target> = {}) => run({ action: 'click', role, name, ...options }),
  /** Replaces the field's value at once (like paste or autofill). */
  fill: (role: Role, name: string, text: string, options: Partial<Target> = {}) => run({ action: 'fill', role, name, text, ...options }),
  /** Types key by key into the field. */
  type: (role: Role, name: string, text: string, options: Partial<Target> = {}) => run({ action: 'type', role, name, text, ...options }),
  focus: (role: Role, name: string, options: Partial<Target> = {}) => run({ action: 'focus', role, name, ...options }),
  /** Presses one key (`Enter`, `Tab`, `Escape`, `Shift+Tab`, `ArrowDown` …) where focus is. */
  press: (key: string) => run({ action: 'press', key }),
  /** Types text where focus is. */
  keyboardType: (text: string) => run({ action: 'keyboardType', text }),
  count: (role: Role, name?: string, options: Partial<Target> = {}) => run<number>({ action: 'count', role, name, ...options }),
  visible: (role: Role, name?: string, options: Partial<Target> = {}) => run<boolean>({ action: 'visible', role, name, ...options }),
};
