/** Reading a template: from a file, or from stdin for `-` or when no file is given. */
import { isatty } from 'node:tty';
import { UserError } from '../../util/errors.js';
import { InputError, readInputText, STDIN_PATH, type ReadInputOptions } from '../../util/io/read-input.js';

export interface TemplateInput {
  text: string;
  /** How messages name it: the path, or `<stdin>`. */
  name: string;
}

/**
 * The template's text. Without a file, stdin is read unless it is a terminal (where nothing would come):
 * then the error says how to give one. The size limit and the reading of slow pipes are read-input.ts's.
 */
export function readTemplateInput(file: string | undefined, options: ReadInputOptions = {}): TemplateInput {
  if (file === undefined && isatty(options.stdinFd ?? 0)) {
    throw new UserError('no template: give one with --input-file FILE or pipe YAML on stdin');
  }
  const path = file ?? STDIN_PATH;
  try {
    return { text: readInputText(path, options), name: path === STDIN_PATH ? '<stdin>' : path };
  } catch (e) {
    if (!(e instanceof InputError)) throw e;
    const what = path === STDIN_PATH ? 'the template from stdin' : `template '${path}'`;
    throw new UserError(`cannot read ${what}: ${e.reason}`);
  }
}
