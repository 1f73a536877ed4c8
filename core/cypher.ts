/**
 * Every Cypher statement the product runs lives in `cypher/<name>.cypher` and
 * is looked up by name here. Statements take parameters; nothing is ever
 * spliced into their text.
 */
import fs from 'node:fs';
import path from 'node:path';
import { KgError } from './errors.ts';
import { PROJECT_ROOT } from './config.ts';

export const CYPHER_DIR = path.join(PROJECT_ROOT, 'cypher');

export interface CypherCatalog {
  /** The statement text of `cypher/<name>.cypher`. */
  statement(name: string): string;
  /** The statements of a multi-statement file (separated by `;` at line ends), e.g. `schema`. */
  script(name: string): readonly string[];
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

/** Reads all `.cypher` files once; a missing name is a programming error reported by name. */
export function loadCypherCatalog(directory: string = CYPHER_DIR): CypherCatalog {
  const texts = new Map<string, string>();
  for (const file of fs.readdirSync(directory)) {
    if (file.endsWith('.cypher')) {
      texts.set(file.slice(0, -'.cypher'.length), fs.readFileSync(path.join(directory, file), 'utf8'));
    }
  }
  const lookup = (name: string): string => {
    const text = texts.get(name);
    if (text === undefined) throw new KgError('CYPHER_NOT_FOUND', `No Cypher statement named "${name}" in ${directory}`);
    return text;
  };
  return {
    statement: (name) => stripComments(lookup(name)).trim().replace(/;\s*$/, ''),
    script: (name) => splitStatements(lookup(name)),
  };
}
