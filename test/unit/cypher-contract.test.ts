/**
 * The contract between the Cypher files and the code that runs them, checked
 * without a database: every file is used, every name of the generated union
 * has a file, templates expand for every constant they are bound to, and every
 * `$parameter` a statement uses is supplied by each call site that names it
 * with a literal and passes its parameters as an object literal (the call sites
 * that build names or parameters elsewhere cannot be checked this way; the
 * integration tests run them).
 */
import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../core/config.ts';
import { CYPHER_DIR, CYPHER_NAMES, CYPHER_TEMPLATE_BINDINGS, loadCypherCatalog } from '../../core/cypher.ts';
import { listCypherFiles } from '../../core/cypher-files.ts';
import { LOAD_TEMPLATES } from '../../ingest/load.ts';
import { TEST_CYPHER_NAMES } from '../fixtures/cypher/names.generated.ts';

const TEST_CYPHER_DIR = path.join(PROJECT_ROOT, 'test', 'fixtures', 'cypher');
const PRODUCT_FOLDERS = ['api', 'app', 'audit', 'cli', 'core', 'infra', 'ingest'];
const TEST_FOLDERS = ['test'];

/**
 * The functions that run a named statement: where the name and the
 * parameters are among their arguments, and which parameters the function
 * adds itself (the batcher adds `$ids`, a page adds `$skip` and `$first`,
 * `runBatched` passes only `$rows`).
 */
const RUNNERS: Readonly<Record<string, { readonly name: number; readonly parameters: number | null; readonly adds: readonly string[] }>> = {
  read: { name: 0, parameters: 1, adds: [] },
  run: { name: 0, parameters: 1, adds: [] },
  script: { name: 0, parameters: null, adds: [] },
  statement: { name: 0, parameters: null, adds: [] },
  rowsFor: { name: 0, parameters: 1, adds: ['ids'] },
  rowsForParent: { name: 1, parameters: 3, adds: ['ids'] },
  readPage: { name: 1, parameters: 3, adds: ['skip', 'first'] },
  runBatched: { name: 1, parameters: null, adds: ['rows'] },
};

interface NameUse {
  readonly name: string;
  readonly file: string;
  /** The parameters the call supplies, or null when they cannot be read statically (or the literal is not a runner's name argument). */
  readonly supplied: ReadonlySet<string> | null;
}

function sourceFiles(folders: readonly string[]): string[] {
  const files: string[] = [];
  const visit = (folder: string): void => {
    if (!fs.existsSync(folder)) return;
    for (const entry of fs.readdirSync(folder, { withFileTypes: true })) {
      const file = path.join(folder, entry.name);
      if (entry.isDirectory() && entry.name !== 'node_modules') visit(file);
      else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts')) files.push(file);
    }
  };
  for (const folder of folders) visit(path.join(PROJECT_ROOT, folder));
  return files;
}

function calleeName(call: ts.CallExpression): string | null {
  const callee = call.expression;
  if (ts.isIdentifier(callee)) return callee.text;
  if (ts.isPropertyAccessExpression(callee)) return callee.name.text;
  return null;
}

function objectKeys(expression: ts.Expression | undefined): Set<string> | null {
  if (expression === undefined) return new Set();
  if (!ts.isObjectLiteralExpression(expression)) return null;
  const keys = new Set<string>();
  for (const property of expression.properties) {
    if (ts.isShorthandPropertyAssignment(property)) keys.add(property.name.text);
    else if (ts.isPropertyAssignment(property) && (ts.isIdentifier(property.name) || ts.isStringLiteral(property.name))) keys.add(property.name.text);
    else return null;
  }
  return keys;
}

/** Every string literal (and template head `<template>:`) in the files, with what its call supplies. */
function nameUses(files: readonly string[]): NameUse[] {
  const uses: NameUse[] = [];
  for (const file of files) {
    const source = ts.createSourceFile(file, fs.readFileSync(file, 'utf8'), ts.ScriptTarget.ES2022, true);
    const visit = (node: ts.Node): void => {
      if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) {
        const call = node.parent;
        let supplied: Set<string> | null = null;
        if (ts.isCallExpression(call)) {
          const runner = RUNNERS[calleeName(call) ?? ''];
          if (runner !== undefined && call.arguments[runner.name] === node) {
            const keys = runner.parameters === null ? new Set<string>() : objectKeys(call.arguments[runner.parameters]);
            supplied = keys === null ? null : new Set([...keys, ...runner.adds]);
          }
        }
        uses.push({ name: node.text, file, supplied });
      } else if (ts.isTemplateExpression(node)) {
        uses.push({ name: node.head.text, file, supplied: null });
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return uses;
}

/** The `$parameters` of a statement, outside comments and string literals. */
function parametersOf(text: string): Set<string> {
  const code = text
    .split('\n')
    .filter((line) => !line.trimStart().startsWith('//'))
    .join('\n')
    .replace(/'(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*"/g, "''");
  return new Set([...code.matchAll(/\$([A-Za-z_][A-Za-z0-9_]*)/g)].map((match) => match[1] ?? ''));
}

/** The product's statements, looked up by any string (the names are checked against the union above). */
const product = loadCypherCatalog<string>(CYPHER_DIR);
const tests = loadCypherCatalog<string>(TEST_CYPHER_DIR);
const productUses = nameUses(sourceFiles(PRODUCT_FOLDERS));
const testUses = nameUses(sourceFiles(TEST_FOLDERS));
const templates = Object.keys(CYPHER_TEMPLATE_BINDINGS);
const templateOf = (name: string): string | null => templates.find((template) => name.startsWith(`${template}:`)) ?? null;

describe('the Cypher contract', () => {
  it('has a file (or a template instance) for every name of the generated union, and a name for every file', () => {
    expect([...product.names]).toEqual([...CYPHER_NAMES].sort());
    expect([...tests.names]).toEqual([...TEST_CYPHER_NAMES].sort());
  });

  it('binds the templates to the constant lists of ingest/load.ts (the generated file is current)', () => {
    const bindings: Readonly<Record<string, readonly string[]>> = CYPHER_TEMPLATE_BINDINGS;
    const constants: Readonly<Record<string, readonly string[]>> = LOAD_TEMPLATES;
    expect(Object.keys(bindings).sort()).toEqual(Object.keys(constants).sort());
    for (const template of templates) expect(bindings[template], template).toEqual(constants[template]);
    const files = listCypherFiles(CYPHER_DIR).filter((file) => file.template);
    expect(files.map((file) => file.name).sort()).toEqual([...templates].sort());
  });

  it('expands every template for every constant into a statement with that label or type and no placeholder left', () => {
    const bindings: Readonly<Record<string, readonly string[]>> = CYPHER_TEMPLATE_BINDINGS;
    for (const template of templates) {
      const values = bindings[template] ?? [];
      expect(values.length, template).toBeGreaterThan(0);
      for (const value of values) {
        const statement = product.statement(`${template}:${value}`);
        expect(statement, `${template}:${value}`).not.toMatch(/\{\{|\}\}/);
        expect(statement, `${template}:${value}`).toMatch(new RegExp(`:${value}[\\s\\]{]`));
      }
    }
  });

  it('uses every product statement in product code', () => {
    const used = new Set(productUses.map((use) => use.name));
    const unused = product.names.filter((name) => {
      const template = templateOf(name);
      return template === null ? !used.has(name) : !used.has(`${template}:`);
    });
    expect(unused).toEqual([]);
  });

  it('uses every test statement in the tests', () => {
    const used = new Set(testUses.map((use) => use.name));
    expect(tests.names.filter((name) => !used.has(name))).toEqual([]);
  });

  it('supplies every $parameter a statement uses at each call site that can be read statically', () => {
    const missing: string[] = [];
    let checked = 0;
    for (const [catalog, uses] of [
      [product, productUses],
      [tests, testUses],
    ] as const) {
      const names = new Set(catalog.names);
      for (const use of uses) {
        if (use.supplied === null || !names.has(use.name)) continue;
        checked += 1;
        const statementText = catalog.script(use.name).join('\n');
        for (const parameter of parametersOf(statementText)) {
          if (!use.supplied.has(parameter)) missing.push(`${path.relative(PROJECT_ROOT, use.file)}: ${use.name} needs $${parameter}`);
        }
      }
    }
    expect(missing).toEqual([]);
    // Most call sites name their statement literally; the check must not pass by checking nothing.
    expect(checked).toBeGreaterThan(40);
  });

  it('runs templates only through runBatched, which supplies $rows alone', () => {
    for (const name of product.names.filter((candidate) => templateOf(candidate) !== null)) {
      expect([...parametersOf(product.statement(name))], name).toEqual(['rows']);
    }
    const load = fs.readFileSync(path.join(PROJECT_ROOT, 'ingest', 'load.ts'), 'utf8');
    for (const template of templates) {
      const uses = productUses.filter((use) => use.name === `${template}:`);
      expect(uses.map((use) => path.relative(PROJECT_ROOT, use.file)), template).toEqual(['ingest/load.ts']);
    }
    expect(load).toMatch(/runBatched\(transaction, ownedStatement\(label\)/);
    expect(load).toMatch(/runBatched\(transaction, sharedStatement\(label\)/);
    expect(load).toMatch(/runBatched\(transaction, relationshipStatement\(type\)/);
  });
});
