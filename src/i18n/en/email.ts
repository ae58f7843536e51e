/** The email editor. */
export const email = {
  'email.current': 'Current address: {address}',
  'email.new': 'New email address',
  'email.keep': 'Your current address keeps working until you confirm the new one with the code we send to it.',
  'email.send': 'Send code',
  'email.different': 'Use a different address',
  'email.required': 'Enter an email address.',
  'email.same': 'This is already your email address.',
  'email.changed': 'Your email address is now {address}.',
  'error.email_invalid': 'Enter a valid email address, like name@example.com.',
  'error.email_taken': 'This email address is already used by another account.',
} as const;
