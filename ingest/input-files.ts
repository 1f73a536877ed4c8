/**
 * Expands the paths given to `kg ingest` into files: a folder stands for the
 * files in it (recursively, hidden files, READMEs and other non-text skipped;
 * office and PDF files among them are named as not read, see file-formats.ts).
 *
 * A path that cannot be used (missing, a dangling symbolic link, a link loop)
 * is reported and the others still go in. Symbolic links are followed, to
 * files and to folders; each real file is taken once, however many links lead
 * to it, and a link back into a folder already being read is reported as a loop.
 */
import { createHash } from 'node:crypto';
import type { Dirent } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import { InputError } from '../core/errors.ts';
import { PROJECT_ROOT } from '../core/config.ts';
import { documentLikeFormat, unsupportedFormatAdvice } from './file-formats.ts';

// Saved web pages too: the cleaner reads HTML markup and tables (ingest/clean/markup.ts).
const DOCUMENT_EXTENSIONS = new Set(['.txt', '.md', '.text', '.html', '.htm', '.shtml', '.xhtml']);

function isDocumentName(name: string): boolean {
  if (name.startsWith('.')) return false;
  if (/^readme(\.|$)/i.test(name)) return false;
  return DOCUMENT_EXTENSIONS.has(path.extname(name).toLowerCase());
}

export interface InputFiles {
  /** Absolute paths as reached (through links, not resolved), in a stable order, each real file once. */
  readonly files: readonly string[];
  /** Paths that could not be used, each naming the path and the reason. */
  readonly problems: readonly InputError[];
  /** Office and PDF files found in the folders, not read (INPUT_UNSUPPORTED_FORMAT): for a warning, since the folder's text documents go in. */
  readonly notRead: readonly InputError[];
}

interface Walk {
  readonly files: string[];
  readonly problems: InputError[];
  readonly notRead: InputError[];
  /** Real paths of the files taken, so a file reached through several links is read once. */
  readonly realFiles: Set<string>;
}

function errorCode(error: unknown): string {
  return error instanceof Error && 'code' in error && typeof error.code === 'string' ? error.code : '';
}

/** Why the target of `link` cannot be reached, as an InputError naming the link. */
async function linkProblem(link: string, error: unknown): Promise<InputError> {
  let target = '?';
  try {
    target = await fs.readlink(link);
  } catch {
    // Not a link after all: the message below still names the path.
  }
  if (errorCode(error) === 'ELOOP') {
    return new InputError('INPUT_NOT_FOUND', link, `symbolic link loop (→ ${target}); skipped`, { cause: error });
  }
  return new InputError('INPUT_NOT_FOUND', link, `dangling symbolic link (→ ${target}, which does not exist); skipped`, { cause: error });
}

async function addFile(file: string, walk: Walk): Promise<void> {
  let real: string;
  try {
    real = await fs.realpath(file);
  } catch (error) {
    walk.problems.push(await linkProblem(file, error));
    return;
  }
  if (walk.realFiles.has(real)) return;
  walk.realFiles.add(real);
  walk.files.push(file);
}

/** A folder's file: taken when it is a text document, named when it is an office or PDF file, else passed over. */
async function considerFile(file: string, name: string, walk: Walk): Promise<void> {
  if (isDocumentName(name)) {
    await addFile(file, walk);
    return;
  }
  const format = documentLikeFormat(name);
  if (format !== null) walk.notRead.push(new InputError('INPUT_UNSUPPORTED_FORMAT', file, unsupportedFormatAdvice(format)));
}

/** `ancestors`: real paths of the folders being read above this one (a link to one of them is a loop). */
async function walkDirectory(directory: string, ancestors: ReadonlySet<string>, walk: Walk): Promise<void> {
  let entries: Dirent[];
  try {
    entries = await fs.readdir(directory, { withFileTypes: true });
  } catch (error) {
    walk.problems.push(new InputError('INPUT_NOT_FOUND', directory, `cannot read the folder (${errorCode(error) || String(error)})`, { cause: error }));
    return;
  }
  entries.sort((a, b) => a.name.localeCompare(b.name));
  for (const entry of entries) {
    if (entry.name.startsWith('.')) continue;
    const full = path.join(directory, entry.name);
    if (entry.isSymbolicLink()) {
      let target;
      try {
        target = await fs.stat(full);
      } catch (error) {
        // A link inside a folder is only reported when it would have been read.
        if (isDocumentName(entry.name) || errorCode(error) === 'ELOOP') walk.problems.push(await linkProblem(full, error));
        continue;
      }
      if (target.isDirectory()) await enterDirectory(full, ancestors, walk);
      else if (target.isFile()) await considerFile(full, entry.name, walk);
    } else if (entry.isDirectory()) await enterDirectory(full, ancestors, walk);
    else if (entry.isFile()) await considerFile(full, entry.name, walk);
  }
}

async function enterDirectory(directory: string, ancestors: ReadonlySet<string>, walk: Walk): Promise<void> {
  const real = await fs.realpath(directory);
  if (ancestors.has(real)) {
    walk.problems.push(new InputError('INPUT_NOT_FOUND', directory, `symbolic link loop: leads back to ${real}, which is already being read; skipped`));
    return;
  }
  await walkDirectory(directory, new Set([...ancestors, real]), walk);
}

/**
 * The files to ingest and the given paths that cannot be used; never throws
 * for a bad path, so one missing path does not stop the others.
 */
export async function findInputFiles(paths: readonly string[]): Promise<InputFiles> {
  const walk: Walk = { files: [], problems: [], notRead: [], realFiles: new Set() };
  for (const given of paths) {
    const absolute = path.resolve(given);
    let stat;
    try {
      stat = await fs.stat(absolute);
    } catch (error) {
      const isLink = await fs.lstat(absolute).then(
        (info) => info.isSymbolicLink(),
        () => false,
      );
      walk.problems.push(isLink ? await linkProblem(absolute, error) : new InputError('INPUT_NOT_FOUND', given, 'no such file or folder', { cause: error }));
      continue;
    }
    if (stat.isDirectory()) await enterDirectory(absolute, new Set(), walk);
    else await addFile(absolute, walk);
  }
  return walk;
}

/**
 * Absolute paths of the files to ingest, in a stable order; a given path that
 * does not exist is thrown as an InputError (`findInputFiles` reports and goes on).
 */
export async function expandInputPaths(paths: readonly string[]): Promise<string[]> {
  const { files, problems } = await findInputFiles(paths);
  const given = new Set(paths.flatMap((entry) => [entry, path.resolve(entry)]));
  const missing = problems.find((problem) => given.has(problem.path));
  if (missing) throw missing;
  return [...files];
}

/**
 * How a source file is named in the graph, and the prefix of the ids of its
 * documents that have no docNo: its path relative to the ingest `root` when
 * inside it, else its absolute path — never the base name alone, so
 * `2026/分工意见.txt` and `2027/分工意见.txt` stay two files.
 */
export function labelUnder(root: string, absolutePath: string): string {
  const relative = path.relative(root, absolutePath);
  return relative === '' || relative.startsWith('..') || path.isAbsolute(relative) ? absolutePath : relative.split(path.sep).join('/');
}

/** The label of a file under the default ingest root, the project. */
export function sourceFileLabel(absolutePath: string): string {
  return labelUnder(PROJECT_ROOT, absolutePath);
}

/** sha256 of each file's bytes, hex: lets an unchanged corpus be recognised without parsing it. */
export async function hashFiles(files: readonly string[]): Promise<Map<string, string>> {
  const hashes = new Map<string, string>();
  for (const file of files) {
    try {
      hashes.set(file, createHash('sha256').update(await fs.readFile(file)).digest('hex'));
    } catch {
      // Unreadable files are reported by the parse stage, with the reason.
    }
  }
  return hashes;
}
