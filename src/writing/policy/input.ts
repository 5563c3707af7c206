/** Reading a template: from a file, or from stdin when no file is given. */
import { readFileSync } from 'node:fs';
import { UserError } from '../../util/errors.js';

export interface TemplateInput {
  text: string;
  /** How messages name it: the path, or `<stdin>`. */
  name: string;
}

const REASONS: Record<string, string> = {
  ENOENT: 'no such file',
  EACCES: 'permission denied',
  EISDIR: 'it is a directory',
};

export function readTemplateInput(
  file: string | undefined,
  stdin: number | NodeJS.ReadStream = process.stdin,
): TemplateInput {
  if (file === undefined) {
    if (typeof stdin !== 'number' && stdin.isTTY) {
      throw new UserError('no template: give one with --input-file FILE or pipe YAML on stdin');
    }
    try {
      return { text: readFileSync(typeof stdin === 'number' ? stdin : 0, 'utf8'), name: '<stdin>' };
    } catch (e) {
      throw new UserError(
        `cannot read the template from stdin: ${(e as NodeJS.ErrnoException).code ?? String(e)}`,
      );
    }
  }
  try {
    return { text: readFileSync(file, 'utf8'), name: file };
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code ?? '';
    throw new UserError(`cannot read template '${file}': ${REASONS[code] ?? code ?? String(e)}`);
  }
}
