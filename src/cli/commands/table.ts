/** Every top-level command of the CLI, in the order `--help` lists them. */
import type { CommandTable } from '../program.js';
import { registerQuery } from './query.js';
import { registerWritePolicy } from './write-policy.js';
import { registerCreateTemplate } from './create-template.js';
import { registerDb } from './db.js';
import { registerInitialize } from './initialize.js';
import { registerAnalyze } from './analyze.js';
import { registerLint } from './lint.js';
import { registerSize } from './size.js';
import { registerGenerate } from './generate.js';

export const COMMANDS: CommandTable = [
  [['query'], registerQuery],
  [['write-policy'], registerWritePolicy],
  [['create-template'], registerCreateTemplate],
  [['db'], registerDb],
  [['initialize'], registerInitialize],
  [['expand', 'analyze'], registerAnalyze],
  [['lint'], registerLint],
  [['size'], registerSize],
  [['generate'], registerGenerate],
];
