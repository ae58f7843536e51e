import type { code as en } from '../en/code.js';

export const code: Record<keyof typeof en, string> = {
  'code.label': 'رمز التحقق',
  'code.hint': 'أدخل الرمز المكوّن من 6 أرقام.',
  'code.sentTo': 'أرسلنا رمزًا إلى {destination}.',
  'code.expires': 'تنتهي صلاحيته في {time}.',
  'code.resend': 'إعادة إرسال الرمز',
  'code.resendIn': 'إعادة إرسال الرمز بعد {seconds} ث',
  'code.verify': 'تحقّق',
  'field.show': 'إظهار',
  'field.hide': 'إخفاء',
  'dialog.confirm': 'تأكيد',
};
