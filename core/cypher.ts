/**
 * Every Cypher statement the product runs lives in `cypher/` (`api/`, `load/`, `export/`,
 * `graph/`, `schema.cypher`) and is looked up by name here. Statements take
 * parameters; nothing is ever spliced into their text, except the label or
 * relationship type of a template, and only from the constant lists of
 * `CYPHER_TEMPLATE_BINDINGS`. Names (`CypherName`) are a generated union
 * (`npm run cypher:names`), so a misspelt name fails the type check.
 */
import fs from 'node:fs';
import path from 'node:path';
import { KgError } from './errors.ts';
import { PROJECT_ROOT } from './config.ts';
import { expandTemplate, listCypherFiles, templateInstanceName } from './cypher-files.ts';
import { CYPHER_TEMPLATE_BINDINGS, type CypherName } from './cypher-names.generated.ts';

export type { CypherName, CypherTemplateName } from './cypher-names.generated.ts';
export { CYPHER_NAMES, CYPHER_TEMPLATE_BINDINGS } from './cypher-names.generated.ts';

export const CYPHER_DIR = path.join(PROJECT_ROOT, 'cypher');

/** For each template, the constant values it is expanded for. */
export type TemplateBindings = Readonly<Record<string, readonly string[]>>;

export interface CypherCatalog<Name extends string = CypherName> {
  /** The statement text of `name` (`cypher/<name>.cypher`, or a template instance). */
  statement(name: Name): string;
  /** The statements of a multi-statement file (separated by `;` at line ends), e.g. `schema`. */
  script(name: Name): readonly string[];
  /** Every statement name the catalog holds, sorted. */
  readonly names: readonly string[];
}

function stripComments(text: string): string {
  return text
    .split('\n')
    .filter((line) => !line.trimStart().startsWith('//'))
    .join('\n');
}

export function splitStatements(text: string): string[] {
  return stripComments(text)
    .split(/;\s*(?:\n|$)/)
    .map((statement) => statement.trim())
    .filter((statement) => statement.length > 0);
}

/**
 * Reads all `.cypher` files of the directories once and expands each template
 * for its values in `bindings`; a missing name is a programming error reported
 * by name. Without arguments: the product's statements.
 */
export function loadCypherCatalog(): CypherCatalog;
export function loadCypherCatalog<Name extends string = string>(
  directories: string | readonly string[],
  bindings?: TemplateBindings,
): CypherCatalog<Name>;
export function loadCypherCatalog(
  directories: string | readonly string[] = CYPHER_DIR,
  bindings: TemplateBindings = CYPHER_TEMPLATE_BINDINGS,
): CypherCatalog<string> {
  const folders = typeof directories === 'string' ? [directories] : directories;
  const texts = new Map<string, string>();
  const add = (name: string, text: string, folder: string): void => {
    if (texts.has(name)) throw new KgError('CYPHER_NOT_FOUND', `Two Cypher statements are named "${name}" (the second in ${folder})`);
    texts.set(name, text);
  };
  for (const folder of folders) {
    for (const file of listCypherFiles(folder)) {
      const text = fs.readFileSync(file.file, 'utf8');
      if (!file.template) {
        add(file.name, text, folder);
        continue;
      }
      const values = bindings[file.name];
      if (values === undefined) throw new KgError('CYPHER_NOT_FOUND', `Cypher template "${file.name}" has no values to be expanded for`);
      for (const value of values) add(templateInstanceName(file.name, value), expandTemplate(file.name, text, value), folder);
    }
  }
  const lookup = (name: string): string => {
    const text = texts.get(name);
    if (text === undefined) throw new KgError('CYPHER_NOT_FOUND', `No Cypher statement named "${name}" in ${folders.join(', ')}`);
    return text;
  };
  // A statement's text is asked for on every run of it (each API read, each write):
  // stripped once per name, not per run.
  const statements = new Map<string, string>();
  const statement = (name: string): string => {
    let text = statements.get(name);
    if (text === undefined) {
      text = stripComments(lookup(name)).trim().replace(/;\s*$/, '');
      statements.set(name, text);
    }
    return text;
  };
  return {
    statement,
    script: (name) => splitStatements(lookup(name)),
    names: [...texts.keys()].sort(),
  };
}
