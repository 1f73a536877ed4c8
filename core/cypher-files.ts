/**
 * How the files of a Cypher folder are named, shared by the catalog
 * (`cypher.ts`) and the generator of the statement names
 * (`cypher/generate-names.ts`), so the two always agree:
 *
 * - a statement's name is its path under the folder without `.cypher`
 *   (`api/search`, `load/document`, `schema`);
 * - a file ending `.template.cypher` is a template with one placeholder
 *   (`{{label}}`), expanded once per value of a constant list in code into the
 *   statement `<template>:<value>` (`load/owned-nodes:Task`). Values are
 *   identifiers from the code, never input, and are checked as such.
 */
import fs from 'node:fs';
import path from 'node:path';
import { KgError } from './errors.ts';

export const TEMPLATE_SUFFIX = '.template.cypher';
const STATEMENT_SUFFIX = '.cypher';

export interface CypherFile {
  /** The statement name, or for a template the template name. */
  readonly name: string;
  readonly file: string;
  readonly template: boolean;
}

/** Every `.cypher` file under `directory`, sorted by name. */
export function listCypherFiles(directory: string): CypherFile[] {
  const files: CypherFile[] = [];
  const visit = (folder: string): void => {
    for (const entry of fs.readdirSync(folder, { withFileTypes: true })) {
      const file = path.join(folder, entry.name);
      if (entry.isDirectory()) {
        visit(file);
        continue;
      }
      if (!entry.name.endsWith(STATEMENT_SUFFIX)) continue;
      const relative = path.relative(directory, file).split(path.sep).join('/');
      const template = relative.endsWith(TEMPLATE_SUFFIX);
      files.push({ name: relative.slice(0, -(template ? TEMPLATE_SUFFIX : STATEMENT_SUFFIX).length), file, template });
    }
  };
  visit(directory);
  return files.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

const PLACEHOLDER = /\{\{([A-Za-z]+)\}\}/g;
/** A label or relationship type: what a template may be expanded with. */
const IDENTIFIER = /^[A-Za-z][A-Za-z0-9_]*$/;

export function templateInstanceName(template: string, value: string): string {
  return `${template}:${value}`;
}

/** The statement text of `template` for `value`; a template has exactly one placeholder name. */
export function expandTemplate(template: string, text: string, value: string): string {
  const placeholders = new Set([...text.matchAll(PLACEHOLDER)].map((match) => match[1]));
  if (placeholders.size !== 1) {
    throw new KgError('CYPHER_NOT_FOUND', `Cypher template "${template}" must use exactly one placeholder, found ${placeholders.size}`);
  }
  if (!IDENTIFIER.test(value)) {
    throw new KgError('CYPHER_NOT_FOUND', `Cypher template "${template}" cannot be expanded with "${value}": not an identifier`);
  }
  return text.replace(PLACEHOLDER, value);
}
