/**
 * Expands the paths given to `kg ingest` into files: a folder stands for the
 * files in it (recursively, hidden files, READMEs and other non-text skipped).
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { InputError } from '../core/errors.ts';
import { PROJECT_ROOT } from '../core/config.ts';

const DOCUMENT_EXTENSIONS = new Set(['.txt', '.md', '.text']);

function isDocumentName(name: string): boolean {
  if (name.startsWith('.')) return false;
  if (/^readme(\.|$)/i.test(name)) return false;
  return DOCUMENT_EXTENSIONS.has(path.extname(name).toLowerCase());
}

async function walk(directory: string, into: string[]): Promise<void> {
  const entries = await fs.readdir(directory, { withFileTypes: true });
  entries.sort((a, b) => a.name.localeCompare(b.name));
  for (const entry of entries) {
    const full = path.join(directory, entry.name);
    if (entry.isDirectory() && !entry.name.startsWith('.')) await walk(full, into);
    else if (entry.isFile() && isDocumentName(entry.name)) into.push(full);
  }
}

/** Absolute paths of the files to ingest, in a stable order; a missing path is an InputError. */
export async function expandInputPaths(paths: readonly string[]): Promise<string[]> {
  const files: string[] = [];
  for (const given of paths) {
    const absolute = path.resolve(given);
    let stat;
    try {
      stat = await fs.stat(absolute);
    } catch (cause) {
      throw new InputError('INPUT_NOT_FOUND', given, 'no such file or folder', { cause });
    }
    if (stat.isDirectory()) await walk(absolute, files);
    else files.push(absolute);
  }
  return [...new Set(files)];
}

/** How a source file is recorded in the graph: relative to the project when inside it. */
export function sourceFileLabel(absolutePath: string): string {
  const relative = path.relative(PROJECT_ROOT, absolutePath);
  return relative.startsWith('..') || path.isAbsolute(relative) ? absolutePath : relative;
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
