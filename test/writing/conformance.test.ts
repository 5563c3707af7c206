// write-policy against policy_sentry's recorded answers (skipped without ../shared).
import { conformanceTest } from '../support/conformance.js';

conformanceTest([
  'examples',
  'crud-generated',
  'actions-generated',
  'write-policy-variants',
  'write-policy-stdin',
]);
