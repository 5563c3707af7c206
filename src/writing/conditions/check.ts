/**
 * The checks of a condition block against the database: every key is one AWS or the database knows, its
 * operator compares the key's type, and set operators (ForAllValues:, ForAnyValue:) go with multivalued
 * keys (ArrayOf... types, aws:TagKeys) and only with them. The first problem is a one-line UserError.
 */
import type { IamDatabase } from '../../database/database.js';
import {
  OPERATOR_KEY_TYPES,
  OPERATORS_FOR_KEY_TYPE,
  parseOperator,
  type OperatorType,
} from '../../querying/condition-operators.js';
import { shown } from '../../querying/printable.js';
import { UserError } from '../../util/errors.js';
import { keyFacts, type KeyFacts } from './keys.js';
import { lineNote } from './places.js';
import type { ConditionBlock } from './types.js';

/**
 * Checks the block (at `where` in the template); returns the facts of its keys by lower-case key, for the
 * support check.
 */
export function checkConditionTypes(
  db: IamDatabase,
  block: ConditionBlock,
  where: string,
): Map<string, KeyFacts> {
  const facts = new Map<string, KeyFacts>();
  for (const [operator, keys] of Object.entries(block)) {
    const op = parseOperator(operator);
    if (!op) throw new UserError(`${where}: unknown condition operator '${shown(operator)}'`);
    for (const key of Object.keys(keys as object)) {
      const at = `${where}${lineNote(block, operator, key)}`;
      const f = facts.get(key.toLowerCase()) ?? keyFacts(db, key, at);
      facts.set(key.toLowerCase(), f);
      const named = `condition key '${shown(key)}'`;
      if (
        op.type !== 'Null' &&
        f.types.length > 0 &&
        !f.types.some((t) => OPERATOR_KEY_TYPES[op.type as Exclude<OperatorType, 'Null'>].includes(t))
      ) {
        throw new UserError(
          `${at}: ${named} is of type ${f.types.join(' / ')}: compare it with ${OPERATORS_FOR_KEY_TYPE[f.types[0]]} ` +
            `(or Null), not ${operator}`,
        );
      }
      if (op.base === 'Null') continue;
      const rest = operator.slice(operator.indexOf(':') + 1);
      if (op.qualifier && f.anyMultivalued === false) {
        throw new UserError(
          `${at}: ${named} has one value per request, but ${op.qualifier}: is for multivalued keys ` +
            `(ArrayOf... types, aws:TagKeys...); write '${rest}'`,
        );
      }
      if (!op.qualifier && f.allMultivalued === true) {
        throw new UserError(
          `${at}: ${named} is multivalued: write 'ForAnyValue:${operator}' (any value matches) or ` +
            `'ForAllValues:${operator}' (every value matches) to say how its values are compared`,
        );
      }
    }
  }
  return facts;
}
