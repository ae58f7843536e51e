import type { Messages } from '../messages.js';
import { code } from './code.js';
import { core } from './core.js';

export const fr: Messages = { ...core, ...code };
