/**
 * Access-level overrides: corrections for actions whose documented access level is wrong (mostly
 * "Tagging" on actions that create resources). A YAML file maps prefix -> access level -> action names
 * (compared without regard to case). The bundled file is data/access-level-overrides.yml.
 */
import { InputError, readInputText } from '../../util/io/read-input.js';
import { parse } from 'yaml';
import { ACCESS_LEVELS, type AccessLevel, type AppliedOverride, type ServiceRecord } from '../types.js';
import { UserError } from '../../util/errors.js';
import { packagePath } from '../../util/package-root.js';

/** prefix (lower case) -> lower-case action name -> corrected access level. */
export type AccessLevelOverrides = Map<string, Map<string, AccessLevel>>;

/** How the bundled file is named in a database's meta (a fixed name keeps builds byte-identical). */
export const BUNDLED_OVERRIDES_NAME = 'data/access-level-overrides.yml';

export function bundledOverridesPath(): string {
  return packagePath('data', 'access-level-overrides.yml');
}

/**
 * Which overrides a build uses: `--no-overrides` -> none (null); `--access-level-overrides-file F` -> F;
 * else IAMWRIGHT_ACCESS_LEVEL_OVERRIDES when set; else the bundled file (undefined).
 */
export function resolveOverridesFile(
  opts: { file?: string; noOverrides?: boolean },
  env: NodeJS.ProcessEnv = process.env,
): string | null | undefined {
  if (opts.noOverrides) return null;
  if (opts.file) return opts.file;
  return env.IAMWRIGHT_ACCESS_LEVEL_OVERRIDES || undefined;
}

function levelOf(key: string, file: string, prefix: string): AccessLevel {
  const found = ACCESS_LEVELS.find((l) => l.toLowerCase() === key.trim().toLowerCase());
  if (found) return found;
  throw new UserError(
    `${file}: ${prefix}: unknown access level '${key}' (allowed: ${ACCESS_LEVELS.join(', ')})`,
  );
}

/** Parses and validates an overrides document. `file` names it in error messages. */
export function parseOverrides(text: string, file: string): AccessLevelOverrides {
  let doc: unknown;
  try {
    doc = parse(text);
  } catch (e) {
    throw new UserError(`${file}: not valid YAML: ${(e as Error).message.split('\n')[0]}`);
  }
  const out: AccessLevelOverrides = new Map();
  if (doc === null || doc === undefined) return out;
  if (typeof doc !== 'object' || Array.isArray(doc)) {
    throw new UserError(`${file}: expected a mapping of service prefix -> access level -> action names`);
  }
  for (const [prefix, levels] of Object.entries(doc as Record<string, unknown>)) {
    if (levels === null) continue;
    if (typeof levels !== 'object' || Array.isArray(levels)) {
      throw new UserError(`${file}: ${prefix}: expected a mapping of access level -> action names`);
    }
    const actions = out.get(prefix.toLowerCase()) ?? new Map<string, AccessLevel>();
    for (const [key, names] of Object.entries(levels as Record<string, unknown>)) {
      const level = levelOf(key, file, prefix);
      if (names === null) continue;
      if (!Array.isArray(names) || names.some((n) => typeof n !== 'string')) {
        throw new UserError(`${file}: ${prefix}.${key}: expected a list of action names`);
      }
      // The first level that names an action wins, as the file is read top to bottom.
      for (const n of names as string[])
        if (!actions.has(n.toLowerCase())) actions.set(n.toLowerCase(), level);
    }
    out.set(prefix.toLowerCase(), actions);
  }
  return out;
}

export function loadOverrides(path: string, shownAs = path): AccessLevelOverrides {
  let text: string;
  try {
    text = readInputText(path);
  } catch (e) {
    if (!(e instanceof InputError)) throw e;
    throw new UserError(`cannot read access-level overrides ${shownAs}: ${e.reason}`);
  }
  return parseOverrides(text, shownAs);
}

/**
 * Applies overrides to records in place. Returns what changed, and warnings for entries that name a
 * service or action the records do not have (a sign the file is out of date).
 */
export function applyOverrides(
  records: ServiceRecord[],
  overrides: AccessLevelOverrides,
): { applied: AppliedOverride[]; warnings: string[] } {
  const applied: AppliedOverride[] = [];
  const warnings: string[] = [];
  const byPrefix = new Map(records.map((r) => [r.prefix.toLowerCase(), r]));
  for (const [prefix, actions] of overrides) {
    const record = byPrefix.get(prefix);
    if (!record) {
      warnings.push(`access-level override for unknown service '${prefix}' ignored`);
      continue;
    }
    const seen = new Set<string>();
    for (const action of record.actions) {
      const lower = action.name.toLowerCase();
      const level = actions.get(lower);
      if (!level) continue;
      seen.add(lower);
      if (level !== action.accessLevel) {
        applied.push({ prefix: record.prefix, action: action.name, from: action.accessLevel, to: level });
        action.accessLevel = level;
      }
    }
    for (const name of actions.keys()) {
      if (!seen.has(name))
        warnings.push(`access-level override for unknown action '${prefix}:${name}' ignored`);
    }
  }
  return { applied, warnings };
}
