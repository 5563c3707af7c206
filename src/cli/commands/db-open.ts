/** Opening a database named on the command line: a path, or 'bundled' / 'local'. */
import { existsSync, realpathSync } from 'node:fs';
import { join } from 'node:path';
import type { IamDatabase } from '../../database/database.js';
import { bundledDatabasePath, localDatabasePath } from '../../database/select.js';
import { openDatabase } from '../../database/store.js';
import { UserError } from '../../util/errors.js';

export function openNamedDatabase(name: string, env: NodeJS.ProcessEnv): IamDatabase {
  if (name === 'bundled') {
    const path = bundledDatabasePath();
    return openDatabase(path, { kind: 'bundled', path, reason: "named 'bundled'" });
  }
  if (name === 'local') {
    const path = localDatabasePath(env);
    if (!existsSync(join(path, 'index.json'))) {
      throw new UserError(`no local database at ${path}; create one with 'iamwright db update'`);
    }
    return openDatabase(realpathSync(path), { kind: 'local', path, reason: "named 'local'" });
  }
  return openDatabase(name, { kind: 'option', path: name, reason: 'given by path' });
}
