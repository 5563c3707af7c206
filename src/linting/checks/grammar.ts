/** Lint checks of the grammar family: the document's shape and the elements each policy type takes. */
import type { Check } from '../check.js';
import { documentChecks } from './grammar-document.js';
import { sidChecks } from './grammar-sid.js';
import { statementChecks } from './grammar-statement.js';

export const grammarChecks: readonly Check[] = [...documentChecks, ...statementChecks, ...sidChecks];
