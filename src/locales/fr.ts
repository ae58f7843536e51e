// Registers the fr catalog: `import 'user-settings-panel/locales/fr'`.
import { fr } from '../i18n/fr/index.js';
import { registerMessages } from '../i18n/messages.js';

registerMessages('fr', fr);
export { fr };
