/** The verification-code input and dialogs shared by every editor. */
export const code = {
  'code.label': 'Verification code',
  'code.hint': 'Enter the 6-digit code.',
  'code.sentTo': 'We sent a code to {destination}.',
  'code.expires': 'It expires at {time}.',
  'code.resend': 'Resend code',
  'code.resendIn': 'Resend code in {seconds} s',
  'code.verify': 'Verify',
  'field.show': 'Show',
  'field.hide': 'Hide',
  'dialog.confirm': 'Confirm',
} as const;
