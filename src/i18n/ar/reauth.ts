import type { reauth as en } from '../en/reauth.js';

export const reauth: Record<keyof typeof en, string> = {
  'reauth.title': 'تأكيد هويتك',
  'reauth.intro': 'حفاظًا على أمانك، أكّد هويتك قبل إجراء هذا التغيير. سيتم الاحتفاظ بما أدخلته.',
  'reauth.methods': 'التأكيد باستخدام',
  'reauth.method.password': 'كلمة المرور',
  'reauth.method.email_code': 'رمز يُرسل إلى بريدك الإلكتروني',
  'reauth.method.phone_code': 'رمز يُرسل إلى هاتفك',
  'reauth.password': 'كلمة المرور الخاصة بك',
  'reauth.passwordRequired': 'أدخل كلمة المرور.',
  'reauth.sendCode': 'إرسال الرمز',
  'reauth.unavailable': 'لا يمكننا تأكيد هويتك هنا. تواصل مع الدعم لإجراء هذا التغيير.',
};
