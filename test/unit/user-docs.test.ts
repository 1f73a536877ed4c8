/**
 * The README stays a page for users — short, with the two commands a
 * newcomer runs at the top — and what it and docs/ point to exists: every
 * relative link and anchor resolves, every GraphQL operation they show is
 * valid against the schema (test/integration/readme-queries.test.ts runs
 * them), and the README's operations are in the full catalogue.
 */
import fs from 'node:fs';
import path from 'node:path';
import { buildSchema, parse, specifiedRules, validate } from 'graphql';
import { describe, expect, it } from 'vitest';
import { operationLimitRules } from '../../api/limits.ts';
import { readTypeDefinitions } from '../../api/schema.ts';
import { PROJECT_ROOT, loadConfig } from '../../core/config.ts';
import { headingAnchors, operationsIn, readDoc, relativeLinks, userDocOperations, userDocs } from '../user-docs.ts';

const README_MAX_LINES = 400;
/** The quick start's two commands must be seen without scrolling far. */
const COMMANDS_WITHIN_LINES = 40;

const readme = readDoc('README.md');
const catalogue = readDoc('docs/queries.md');

describe('README.md', () => {
  it(`has at most ${README_MAX_LINES} lines`, () => {
    expect(readme.split('\n').length).toBeLessThanOrEqual(README_MAX_LINES);
  });

  it(`shows npm start and npm test in a shell block within its first ${COMMANDS_WITHIN_LINES} lines`, () => {
    const top = readme.split('\n').slice(0, COMMANDS_WITHIN_LINES).join('\n');
    const shell = /```bash\n([\s\S]*?)```/.exec(top)?.[1] ?? '';
    expect(shell).toMatch(/^npm start\b/m);
    expect(shell).toMatch(/^npm test\b/m);
  });

  it('shows five to eight questions with their operations', () => {
    const questions = operationsIn('README.md', readme).filter((operation) => !operation.name.startsWith('Explorer'));
    expect(questions.length).toBeGreaterThanOrEqual(5);
    expect(questions.length).toBeLessThanOrEqual(8);
  });

  it.each(operationsIn('README.md', readme).map((operation) => [operation.name, operation]))(
    '%s is in docs/queries.md word for word, so the catalogue is complete',
    (_name, operation) => {
      expect(catalogue).toContain(`\`\`\`graphql\n${operation.operation}\`\`\``);
    },
  );
});

describe('the relative links of README.md and docs/', () => {
  const links = userDocs().flatMap((file) => relativeLinks(readDoc(file)).map((link) => ({ file, ...link })));

  it('are there to check', () => {
    expect(links.length).toBeGreaterThan(20);
  });

  it.each(links.map((link) => [`${link.file} → ${link.target}${link.anchor === null ? '' : `#${link.anchor}`}`, link]))(
    '%s resolves',
    (_label, link) => {
      const target = link.target === '' ? path.join(PROJECT_ROOT, link.file) : path.resolve(PROJECT_ROOT, path.dirname(link.file), link.target);
      expect(path.relative(PROJECT_ROOT, target).startsWith('..'), 'links stay inside the project').toBe(false);
      expect(fs.existsSync(target), `${link.target} exists`).toBe(true);
      if (link.anchor !== null) {
        expect(target.endsWith('.md'), 'anchors point into Markdown').toBe(true);
        expect([...headingAnchors(fs.readFileSync(target, 'utf8'))]).toContain(link.anchor);
      }
    },
  );
});

describe('the GraphQL operations of README.md and docs/', () => {
  const schema = buildSchema(readTypeDefinitions().join('\n'));
  const limits = operationLimitRules(loadConfig({}).api);
  const operations = userDocOperations();

  it('include the whole catalogue: nineteen questions and the explorer\'s twelve', () => {
    expect(operationsIn('docs/queries.md', catalogue).length).toBeGreaterThanOrEqual(31);
    expect(operations.length).toBeGreaterThanOrEqual(31);
  });

  it.each(operations.map((operation) => [`${operation.file}: ${operation.name}`, operation]))('%s is valid against the schema', (_label, operation) => {
    const document = parse(operation.operation);
    expect(validate(schema, document, specifiedRules).map((error) => error.message)).toEqual([]);
    // An operation shown failing a limit (QUERY_TOO_DEEP …) is meant to; every other one stays within them.
    if (operation.expectedError === null) expect(validate(schema, document, limits).map((error) => error.message)).toEqual([]);
  });
});
