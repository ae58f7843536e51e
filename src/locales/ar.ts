// Registers the ar catalog: `import 'user-settings-panel/locales/ar'`.
import { ar } from '../i18n/ar/index.js';
import { registerMessages } from '../i18n/messages.js';

registerMessages('ar', ar);
export { ar };
