import type { reauth as en } from '../en/reauth.js';

export const reauth: Record<keyof typeof en, string> = {
  'reauth.title': 'Confirmez votre identité',
  'reauth.intro': 'Pour votre sécurité, confirmez votre identité avant cette modification. Vos saisies sont conservées.',
  'reauth.methods': 'Confirmer avec',
  'reauth.method.password': 'Mot de passe',
  'reauth.method.email_code': 'Un code envoyé à votre e-mail',
  'reauth.method.phone_code': 'Un code envoyé à votre téléphone',
  'reauth.password': 'Votre mot de passe',
  'reauth.passwordRequired': 'Saisissez votre mot de passe.',
  'reauth.sendCode': 'Envoyer le code',
  'reauth.unavailable': 'Impossible de confirmer votre identité ici. Contactez l\'assistance pour effectuer cette modification.',
};
