import type { Messages } from '../messages.js';
import { core } from './core.js';

export const fr: Messages = { ...core };
