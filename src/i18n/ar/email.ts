import type { email as en } from '../en/email.js';

export const email: Record<keyof typeof en, string> = {
  'email.current': 'العنوان الحالي: {address}',
  'email.new': 'عنوان البريد الإلكتروني الجديد',
  'email.keep': 'يظل عنوانك الحالي فعّالًا إلى أن تؤكّد العنوان الجديد بالرمز الذي نرسله إليه.',
  'email.send': 'إرسال الرمز',
  'email.different': 'استخدام عنوان آخر',
  'email.required': 'أدخل عنوان بريد إلكتروني.',
  'email.same': 'هذا هو عنوان بريدك الإلكتروني بالفعل.',
  'email.changed': 'أصبح عنوان بريدك الإلكتروني {address}.',
  'error.email_invalid': 'أدخل عنوان بريد إلكتروني صالحًا، مثل name@example.com.',
  'error.email_taken': 'عنوان البريد الإلكتروني هذا مستخدم في حساب آخر.',
};
