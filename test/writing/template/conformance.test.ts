import { conformanceTest } from '../../support/conformance.js';

conformanceTest(['create-template']);
