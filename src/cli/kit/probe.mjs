// @ts-check
/**
 * Records the verdict of one probe. An answer that cannot speak to the check — rate limited, or
 * re-verification asked for and not given — is a skip, not a failure; no answer at all is a failure.
 */
import { describeAnswer, isReauthRequired } from './expect.mjs';
import { route } from './session.mjs';

/** @typedef {import('./client.mjs').Exchange} Exchange */

/**
 * @param {import('./session.mjs').KitSession} kit
 * @param {Exchange} answer
 * @param {string} check
 * @param {(answer: Exchange) => string[]} expectations problems besides the contract's
 */
export function settle(kit, answer, check, expectations) {
  const name = route(answer);
  if (answer.status === 429) {
    kit.report.skip(name, check, 'rate limited (429); run the kit again later');
    return false;
  }
  if (isReauthRequired(answer)) {
    kit.report.skip(
      name,
      check,
      kit.password === undefined ? 'asked for re-verification first; give --password to check past it' : 're-verification by password did not get past it',
    );
    return false;
  }
  const problems = answer.status === 0 ? [describeAnswer(answer)] : [...expectations(answer), ...kit.contract.problems(answer)];
  kit.report.verdict(name, check, [...new Set(problems)], describeAnswer(answer).replace(/^got /, ''));
  return problems.length === 0;
}
