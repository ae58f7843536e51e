/**
 * Renders `docs/mock-triggers.md` from the trigger data (triggers.ts, scenarios.ts, presets.ts):
 * the one table, written out. `npm run mock:docs` writes it; a test fails when it is stale.
 */
import { endpoints } from '../api/endpoints.js';
import { presetNames } from './presets.js';
import { SCENARIO_EFFECTS } from './scenarios.js';
import { MOCK_ERROR_TABLE, MOCK_TRIGGERS } from './triggers.js';

const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
const code = (text: string) => `\`${text}\``;

export function renderTriggerDocs(): string {
  const lines = [
    '# Mock backend: triggers and scenarios',
    '',
    '<!-- Generated from src/mock/triggers.ts and src/mock/scenarios.ts by `npm run mock:docs`. Do not edit. -->',
    '',
    'The mock (`user-settings-panel/mock`) answers every error of SPEC §4.2 deterministically, with the',
    'status of the contract\'s status table. A POST or DELETE repeating an earlier one (same method, path,',
    '`Idempotency-Key` and body) gets the first final answer again (2xx, 400, 404, 409) without running again.',
    '',
    '## Errors',
    '',
    '| code | status | field | routes | trigger |',
    '| --- | --- | --- | --- | --- |',
    ...MOCK_ERROR_TABLE.map((row) => `| ${code(row.code)} | ${row.status === 200 ? '200 (in the body)' : row.status} | ${row.field ? cell(row.field) : ''} | ${
      row.routes.map((route) => code(`${endpoints[route].method} ${endpoints[route].path}`)).join(', ')} | ${cell(row.trigger)} |`),
    '',
    '## Trigger inputs (`MOCK_TRIGGERS`)',
    '',
    '| name | value |',
    '| --- | --- |',
    ...Object.entries(MOCK_TRIGGERS).map(([name, value]) => `| ${code(name)} | ${cell(Array.isArray(value) ? value.map(String).map(code).join(', ') : code(String(value)))} |`),
    '',
    '## Scenarios (`state.scenarios`)',
    '',
    '| flag | effect |',
    '| --- | --- |',
    ...Object.entries(SCENARIO_EFFECTS).map(([flag, effect]) => `| ${code(flag)} | ${cell(effect)} |`),
    '',
    `Presets: ${presetNames.map(code).join(', ')}.`,
    '',
  ];
  return lines.join('\n');
}
