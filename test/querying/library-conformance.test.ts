/**
 * policy_sentry's get_action_data answers (../shared/conformance/library/get_action_data.json), held against
 * our actionData over the same database. Where policy_sentry returned `{}` for an unknown service or
 * action, we throw a UserError instead; its rows repeat a condition key or dependent action when two
 * columns of the page list it, ours list each once.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { openDatabase } from '../../src/database/index.js';
import { actionData, type ActionDataRow } from '../../src/querying/index.js';
import { UserError } from '../../src/util/errors.js';
import { CONFORMANCE, KIT_DB } from '../support/paths.js';

interface Case {
  service: string;
  action_name: string;
  result?: Record<string, ActionDataRow[]>;
  result_len?: number;
}

const CASES = join(CONFORMANCE, 'library', 'get_action_data.json');
const present = existsSync(KIT_DB) && existsSync(CASES);

const withoutRepeats = (row: ActionDataRow): ActionDataRow => ({
  ...row,
  condition_keys: [...new Set(row.condition_keys)],
  dependent_actions: [...new Set(row.dependent_actions)],
});

test(
  'get_action_data: policy_sentry answers',
  { skip: present ? false : 'the conformance kit is absent' },
  () => {
    const db = openDatabase(KIT_DB);
    const cases = JSON.parse(readFileSync(CASES, 'utf8')) as Case[];
    assert.ok(cases.length >= 200);
    let compared = 0;
    for (const c of cases) {
      const label = `${c.service}:${c.action_name}`;
      if (c.result_len !== undefined) {
        assert.equal(actionData(db, c.service, c.action_name)[c.service].length, c.result_len, label);
      } else if (c.result && Object.keys(c.result).length === 0) {
        assert.throws(() => actionData(db, c.service, c.action_name), UserError, label);
      } else {
        const expected = Object.fromEntries(
          Object.entries(c.result ?? {}).map(([k, rows]) => [k, rows.map(withoutRepeats)]),
        );
        assert.deepEqual(actionData(db, c.service, c.action_name), expected, label);
        compared++;
      }
    }
    assert.ok(compared >= 195, `compared ${compared}`);
  },
);
