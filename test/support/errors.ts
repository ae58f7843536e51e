/** Assertions on the errors the backend client rejects with. */
import { expect } from '@open-wc/testing';
import { UserSettingsError } from '../../src/api/errors.js';

/** Awaits `promise`, asserts that it rejected with a {@link UserSettingsError}, and returns that error. */
export async function failure(promise: Promise<unknown>): Promise<UserSettingsError> {
  let caught: unknown;
  try {
    await promise;
  } catch (error) {
    caught = error;
  }
  expect(caught, 'the call should have failed').to.be.instanceOf(UserSettingsError);
  return caught as UserSettingsError;
}
