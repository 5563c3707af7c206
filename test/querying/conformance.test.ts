// policy_sentry's query cases from the kit. Switch to ['query', 'cli-meta'] once write-policy,
// create-template and initialize are registered (cli-meta checks their --help).
import { conformanceTest } from '../support/conformance.js';

conformanceTest(['query', 'cli-meta']);
