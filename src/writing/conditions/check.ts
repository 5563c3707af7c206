/**
 * The checks of a condition block against the database: every key is one AWS or the database knows, its
 * operator compares the key's type, and set operators (ForAllValues:, ForAnyValue:) go with multivalued
 * keys (ArrayOf... types, aws:TagKeys) and only with them. The first problem is a one-line UserError.
 */
import type { IamDatabase } from '../../database/database.js';
import type { KeyDataType } from '../../querying/condition-global-keys.js';
import { parseOperator, type OperatorType } from '../../querying/condition-operators.js';
import { shown } from '../../querying/printable.js';
import { UserError } from '../../util/errors.js';
import { keyFacts, type KeyFacts } from './keys.js';
import { lineNote } from './places.js';
import type { ConditionBlock } from './types.js';

/** The key types each operator type compares (as lint's operator-type-mismatch check reads them). */
const FITS: Record<Exclude<OperatorType, 'Null'>, readonly KeyDataType[]> = {
  String: ['String', 'ARN'],
  // AWS recommends ARN operators for ARN keys; pages type some keys that hold ARNs as String.
  Arn: ['ARN', 'String'],
  Numeric: ['Numeric'],
  Date: ['Date'],
  Bool: ['Bool'],
  IpAddress: ['IPAddress'],
  // No key of the database is typed Binary; BinaryEquals compares the base64 text of a String key.
  Binary: ['String'],
};

/** The operators that compare a key type, for messages. */
const OPERATORS_FOR: Record<KeyDataType, string> = {
  String: 'String operators (StringEquals, StringLike...)',
  ARN: 'ARN operators (ArnEquals, ArnLike...) or String operators',
  Numeric: 'Numeric operators (NumericEquals, NumericLessThan...)',
  Date: 'Date operators (DateGreaterThan, DateLessThan...)',
  Bool: 'Bool',
  IPAddress: 'IpAddress or NotIpAddress',
};

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
        !f.types.some((t) => FITS[op.type as Exclude<OperatorType, 'Null'>].includes(t))
      ) {
        throw new UserError(
          `${at}: ${named} is of type ${f.types.join(' / ')}: compare it with ${OPERATORS_FOR[f.types[0]]} ` +
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
