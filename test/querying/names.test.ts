import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseAccessLevel, requireLowerCasePrefix, requireService } from '../../src/querying/names.js';
import { UserError } from '../../src/util/errors.js';
import { fixtureDb } from './fixture.js';

const db = fixtureDb();

function message(prefix: string, also: string[] = []): string {
  try {
    requireLowerCasePrefix(db, prefix, also);
  } catch (e) {
    assert.ok(e instanceof UserError);
    return e.message;
  }
  return 'accepted';
}

test('a lower-case prefix passes, known or not (unknown ones are reported where they are looked up)', () => {
  assert.equal(message('shop'), 'accepted');
  assert.equal(message('nosuch'), 'accepted');
});

test('another case suggests the lower-case form only when it is a service (or accepted)', () => {
  assert.equal(
    message('SHOP'),
    "unknown service prefix 'SHOP'; service prefixes are lower case: did you mean 'shop'?",
  );
  assert.equal(
    message('ALL', ['all']),
    "unknown service prefix 'ALL'; service prefixes are lower case: did you mean 'all'?",
  );
  // No service 'foobar' or 'all' here: not suggested.
  assert.equal(message('FOOBAR'), "unknown service prefix 'FOOBAR'");
  assert.doesNotMatch(message('ALL'), /'all'/);
  // The usual close matches instead.
  assert.equal(message('Shopp'), "unknown service prefix 'Shopp'; did you mean 'shop'?");
});

test('names echoed in messages keep control characters escaped: one line, whatever was typed', () => {
  assert.throws(
    () => requireService(db, 'sh\nop\u001b[2J'),
    /^UserError: unknown service prefix 'sh\\nop\\u001b\[2J'/,
  );
  assert.equal(message('SH\nOP'), "unknown service prefix 'SH\\nOP'; did you mean 'shop'?");
  assert.throws(() => parseAccessLevel('re\rad'), /^UserError: unknown access level 're\\rad' \(allowed/);
});
