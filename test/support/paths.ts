/** Paths tests share: the project root, the built CLI, and ../shared (absent outside the dev setup). */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
/** The installed command (bin/iamwright.cjs, which loads the bundled dist/cli-main.cjs). */
export const CLI = join(ROOT, 'bin', 'iamwright.cjs');
export const SHARED = join(ROOT, '..', 'shared');
export const CONFORMANCE = join(SHARED, 'conformance');
export const AWS_DOCS = join(SHARED, 'aws-docs');
export const KIT_DB = join(CONFORMANCE, 'iam-definition.json');
export const hasShared = existsSync(SHARED);
export const hasConformance = existsSync(join(CONFORMANCE, 'check.py'));
export const hasAwsDocs = existsSync(AWS_DOCS);
