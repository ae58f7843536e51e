import type { email as en } from '../en/email.js';

export const email: Record<keyof typeof en, string> = {
  'email.current': 'Adresse actuelle : {address}',
  'email.new': 'Nouvelle adresse e-mail',
  'email.keep': 'Votre adresse actuelle reste active jusqu\'à ce que vous confirmiez la nouvelle avec le code que nous lui envoyons.',
  'email.send': 'Envoyer le code',
  'email.different': 'Utiliser une autre adresse',
  'email.required': 'Saisissez une adresse e-mail.',
  'email.same': 'C\'est déjà votre adresse e-mail.',
  'email.changed': 'Votre adresse e-mail est désormais {address}.',
  'error.email_invalid': 'Saisissez une adresse e-mail valide, par exemple nom@exemple.com.',
  'error.email_taken': 'Cette adresse e-mail est déjà utilisée par un autre compte.',
};
