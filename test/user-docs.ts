/**
 * The Markdown users read — README.md and docs/*.md — as the tests see it:
 * the GraphQL operations it shows (each must run as shown) and the relative
 * links it makes (each must resolve). Shared by the unit tests, which check
 * the text without a database, and the integration test that runs every
 * operation against the bundled corpus.
 */
import fs from 'node:fs';
import path from 'node:path';
import { PROJECT_ROOT } from '../core/config.ts';

/** README.md first, then docs/*.md in name order; paths relative to the project root. */
export function userDocs(root: string = PROJECT_ROOT): string[] {
  const docs = fs
    .readdirSync(path.join(root, 'docs'))
    .filter((name) => name.endsWith('.md'))
    .sort()
    .map((name) => `docs/${name}`);
  return ['README.md', ...docs];
}

export function readDoc(file: string, root: string = PROJECT_ROOT): string {
  return fs.readFileSync(path.join(root, file), 'utf8');
}

export interface DocOperation {
  /** The Markdown file that shows it (relative path). */
  readonly file: string;
  /** Its operation name, or its first characters for an anonymous one. */
  readonly name: string;
  readonly operation: string;
  /** The variables the text gives it (a line `Variables: \`{…}\`` right after the block). */
  readonly variables: Record<string, unknown>;
  /** The error code the text shows for it, if its output is an error. */
  readonly expectedError: string | null;
}

/** A heading line ends what the text says about the operation above it. */
const HEADING = /\n#{1,6} /;

/** Every ```graphql block of one file, with what the text right after it says. */
export function operationsIn(file: string, text: string): DocOperation[] {
  const operations: DocOperation[] = [];
  const block = /```graphql\n([\s\S]*?)```([\s\S]*?)(?=```graphql|$)/g;
  for (const match of text.matchAll(block)) {
    const operation = match[1] ?? '';
    const after = match[2] ?? '';
    const shown = after.split(HEADING)[0] ?? '';
    const expectedError = /"errors"[\s\S]*?"code":\s*"([A-Z_]+)"/.exec(shown)?.[1] ?? null;
    const variables = /^Variables: `(\{.*\})`$/m.exec(after.split('```')[0] ?? '')?.[1];
    const name = /(?:query|mutation)\s+(\w+)/.exec(operation)?.[1] ?? operation.slice(0, 40);
    operations.push({
      file,
      name,
      operation,
      variables: variables ? (JSON.parse(variables) as Record<string, unknown>) : {},
      expectedError,
    });
  }
  return operations;
}

/**
 * The operations of every user document, each distinct one once: the README
 * repeats some of the catalogue's (docs/queries.md) word for word.
 */
export function userDocOperations(root: string = PROJECT_ROOT): DocOperation[] {
  const seen = new Set<string>();
  const distinct: DocOperation[] = [];
  for (const file of userDocs(root)) {
    for (const operation of operationsIn(file, readDoc(file, root))) {
      const key = `${operation.operation}\u0000${JSON.stringify(operation.variables)}`;
      if (seen.has(key)) continue;
      seen.add(key);
      distinct.push(operation);
    }
  }
  return distinct;
}

/** The text without its fenced code blocks, whose lines are code, not headings or links. */
function withoutFences(text: string): string {
  return text.replace(/^(```|~~~)[^\n]*\n[\s\S]*?^\1[^\n]*$/gm, '');
}

export interface RelativeLink {
  readonly target: string;
  /** The part after `#`, or null. */
  readonly anchor: string | null;
}

/** Inline links and images whose target is neither a URL nor a mail address. */
export function relativeLinks(text: string): RelativeLink[] {
  const links: RelativeLink[] = [];
  for (const match of withoutFences(text).replace(/`[^`\n]*`/g, '').matchAll(/!?\[[^\]]*\]\(([^)\s]+)(?:\s+"[^"]*")?\)/g)) {
    const href = match[1] ?? '';
    if (/^[a-z][a-z0-9+.-]*:/i.test(href)) continue;
    const [target = '', anchor] = href.split('#', 2);
    links.push({ target, anchor: anchor ?? null });
  }
  return links;
}

/** The anchors GitHub gives a file's headings (lower case, punctuation dropped, spaces as -, repeats numbered). */
export function headingAnchors(text: string): Set<string> {
  const anchors = new Set<string>();
  const counts = new Map<string, number>();
  for (const match of withoutFences(text).matchAll(/^#{1,6}\s+(.+?)\s*#*$/gm)) {
    const base = (match[1] ?? '')
      .toLowerCase()
      .replace(/[^\p{L}\p{M}\p{N}\p{Pc} -]/gu, '')
      .replace(/ /g, '-');
    const count = counts.get(base) ?? 0;
    counts.set(base, count + 1);
    anchors.add(count === 0 ? base : `${base}-${count}`);
  }
  return anchors;
}
