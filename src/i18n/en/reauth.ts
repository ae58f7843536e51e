/** Re-verification (step-up) before a sensitive change. */
export const reauth = {
  'reauth.title': 'Confirm it\'s you',
  'reauth.intro': 'For your security, confirm it\'s you before this change. What you entered is kept.',
  'reauth.methods': 'Confirm with',
  'reauth.method.password': 'Password',
  'reauth.method.email_code': 'A code sent to your email',
  'reauth.method.phone_code': 'A code sent to your phone',
  'reauth.password': 'Your password',
  'reauth.passwordRequired': 'Enter your password.',
  'reauth.sendCode': 'Send code',
  'reauth.unavailable': 'We can\'t confirm it\'s you here. Contact support to make this change.',
} as const;
