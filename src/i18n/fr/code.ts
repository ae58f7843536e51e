import type { code as en } from '../en/code.js';

export const code: Record<keyof typeof en, string> = {
  'code.label': 'Code de vérification',
  'code.hint': 'Saisissez le code à 6 chiffres.',
  'code.sentTo': 'Nous avons envoyé un code à {destination}.',
  'code.expires': 'Il expire à {time}.',
  'code.resend': 'Renvoyer le code',
  'code.resendIn': 'Renvoyer le code dans {seconds} s',
  'code.verify': 'Vérifier',
  'field.show': 'Afficher',
  'field.hide': 'Masquer',
  'dialog.confirm': 'Confirmer',
};
