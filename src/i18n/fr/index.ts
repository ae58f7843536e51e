import type { Messages } from '../messages.js';
import { code } from './code.js';
import { core } from './core.js';
import { email } from './email.js';
import { password } from './password.js';
import { phone } from './phone.js';
import { reauth } from './reauth.js';
import { tiktok } from './tiktok.js';

export const fr: Messages = { ...core, ...code, ...reauth, ...phone, ...tiktok, ...password, ...email };
