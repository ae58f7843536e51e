import { code } from './code.js';
import { core } from './core.js';

/** The English catalog: the source of every message key. */
export const en = { ...core, ...code };
