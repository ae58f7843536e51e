import type { Messages } from '../messages.js';
import { core } from './core.js';

export const ar: Messages = { ...core };
