/**
 * The only ingest module that touches the file system: it reads one file's
 * bytes and hands them to the pure `decodeSource`.
 */
import { readFile, stat } from 'node:fs/promises';
import { InputError } from '../core/errors.ts';
import { decodeSource } from './decode.ts';
import type { SourceText } from './model.ts';

export async function readSource(path: string): Promise<SourceText> {
  let info;
  try {
    info = await stat(path);
  } catch (cause) {
    throw new InputError('INPUT_NOT_FOUND', path, `cannot open the file (${errorCode(cause)})`, { cause });
  }
  if (info.isDirectory()) {
    throw new InputError('INPUT_IS_DIRECTORY', path, 'this is a directory; give the files inside it');
  }
  if (!info.isFile()) throw new InputError('INPUT_UNRECOGNISED', path, 'not a regular file');
  let bytes: Uint8Array;
  try {
    bytes = await readFile(path);
  } catch (cause) {
    throw new InputError('INPUT_NOT_FOUND', path, `cannot read the file (${errorCode(cause)})`, { cause });
  }
  return decodeSource(path, bytes);
}

function errorCode(error: unknown): string {
  if (error instanceof Error && 'code' in error && typeof error.code === 'string') return error.code;
  return error instanceof Error ? error.message : String(error);
}
