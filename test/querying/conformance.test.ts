// policy_sentry's query cases and the CLI's own (help, version, unknown commands) from the kit.
import { conformanceTest } from '../support/conformance.js';

conformanceTest(['query', 'cli-meta']);
