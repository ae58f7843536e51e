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
  const conformance = answer.status === 0 ? { problems: [describeAnswer(answer)], notes: [] } : kit.contract.check(answer);
  const problems = [...new Set([...(answer.status === 0 ? [] : expectations(answer)), ...conformance.problems])];
  const evidence = [describeAnswer(answer).replace(/^got /, ''), ...conformance.notes].join('; ');
  kit.report.verdict(name, check, problems, evidence);
  return problems.length === 0;
}
