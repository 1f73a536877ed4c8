/**
 * Bytes → text, without touching the file system (`read.ts` does that), so the
 * decision rules can be unit-tested on byte arrays.
 *
 * Accepted: UTF-8 with or without a BOM, and GB18030 (a superset of GBK and
 * GB2312, the encodings Chinese government sites still publish in). Line ends
 * are normalised to LF. Anything else is rejected with an `InputError` that
 * names the file and the reason.
 */
import { createHash } from 'node:crypto';
import { InputError } from '../core/errors.ts';
import { startsWith, unsupportedFormat, unsupportedFormatAdvice } from './file-formats.ts';
import type { SourceText } from './model.ts';

/** How many leading bytes are inspected for binary content. */
const SAMPLE_BYTES = 64 * 1024;
/** Above this share of control bytes in the sample the file is treated as binary. */
const MAX_CONTROL_SHARE = 0.05;
/**
 * A GB18030 decode "succeeds" on many byte soups; the text is only accepted when
 * nearly all of it is characters a Chinese document is made of.
 */
const MIN_PLAUSIBLE_SHARE = 0.9;

export function decodeSource(path: string, bytes: Uint8Array): SourceText {
  if (bytes.length === 0) throw new InputError('INPUT_EMPTY', path, 'the file is empty');
  const format = unsupportedFormat(path, bytes);
  if (format !== null) throw new InputError('INPUT_UNSUPPORTED_FORMAT', path, unsupportedFormatAdvice(format));
  if (startsWith(bytes, [0xff, 0xfe]) || startsWith(bytes, [0xfe, 0xff])) {
    throw new InputError('INPUT_UNDECODABLE', path, 'UTF-16 text is not supported; save the file as UTF-8');
  }
  rejectBinary(path, bytes);

  const decoded = decodeText(path, bytes);
  // One pass over the text; `\r\n?` cannot backtrack, so very long lines stay linear.
  const text = decoded.text.replace(/\r\n?/g, '\n');
  if (text.trim().length === 0) {
    throw new InputError('INPUT_EMPTY', path, 'the file holds only white space');
  }
  return {
    path,
    encoding: decoded.encoding,
    text,
    contentHash: createHash('sha256').update(bytes).digest('hex'),
  };
}


function rejectBinary(path: string, bytes: Uint8Array): void {
  // A NUL byte never occurs in UTF-8 or GB18030 text.
  const nul = bytes.indexOf(0);
  if (nul !== -1) {
    throw new InputError('INPUT_BINARY', path, `binary content (NUL byte at offset ${nul}); expected a text document`);
  }
  const sampleLength = Math.min(bytes.length, SAMPLE_BYTES);
  let control = 0;
  for (let index = 0; index < sampleLength; index++) {
    const byte = bytes[index] ?? 0;
    // Tab, LF, CR and form feed occur in text; other C0 controls and DEL do not.
    if ((byte < 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0d && byte !== 0x0c) || byte === 0x7f) control++;
  }
  if (control / sampleLength > MAX_CONTROL_SHARE) {
    throw new InputError(
      'INPUT_BINARY',
      path,
      `binary content (${control} control bytes in the first ${sampleLength}); expected a text document`,
    );
  }
}

function decodeText(path: string, bytes: Uint8Array): { text: string; encoding: SourceText['encoding'] } {
  try {
    // The default `ignoreBOM: false` strips a leading UTF-8 BOM.
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    // Not UTF-8: try GB18030 below.
  }
  const invalid = firstInvalidUtf8(bytes);
  // GB18030 text almost never holds a long run of valid multi-byte UTF-8
  // sequences, and many damaged UTF-8 files decode "successfully" as GB18030
  // mojibake: a file that was UTF-8 up to a bad byte is reported as damaged UTF-8.
  if (invalid.validMultiByte >= MIN_UTF8_EVIDENCE) {
    throw new InputError('INPUT_UNDECODABLE', path, `invalid UTF-8 at byte offset ${invalid.offset} (${describeAt(bytes, invalid.offset)}); the file is damaged or mixes encodings`);
  }
  let text: string;
  try {
    text = new TextDecoder('gb18030', { fatal: true }).decode(bytes);
  } catch (cause) {
    throw new InputError(
      'INPUT_UNDECODABLE',
      path,
      `the bytes are neither UTF-8 (invalid at byte offset ${invalid.offset}, ${describeAt(bytes, invalid.offset)}) nor GB18030/GBK text`,
      { cause },
    );
  }
  if (plausibleShare(text) < MIN_PLAUSIBLE_SHARE) {
    throw new InputError(
      'INPUT_UNDECODABLE',
      path,
      `the bytes are not UTF-8 (invalid at byte offset ${invalid.offset}), and read as GB18030/GBK they do not look like Chinese text`,
    );
  }
  return { text, encoding: 'gb18030' };
}

/** Valid multi-byte UTF-8 sequences before the first bad byte that make a file UTF-8 rather than GB18030. */
const MIN_UTF8_EVIDENCE = 16;

/**
 * The offset of the first byte that breaks UTF-8 (WHATWG rules: no overlong
 * forms, no surrogates, nothing above U+10FFFF), and how many valid
 * multi-byte sequences come before it.
 */
export function firstInvalidUtf8(bytes: Uint8Array): { offset: number; validMultiByte: number } {
  let validMultiByte = 0;
  let index = 0;
  while (index < bytes.length) {
    const lead = bytes[index] as number;
    if (lead < 0x80) {
      index += 1;
      continue;
    }
    let length: number;
    let low = 0x80;
    let high = 0xbf;
    if (lead >= 0xc2 && lead <= 0xdf) length = 2;
    else if (lead >= 0xe0 && lead <= 0xef) {
      length = 3;
      if (lead === 0xe0) low = 0xa0;
      if (lead === 0xed) high = 0x9f;
    } else if (lead >= 0xf0 && lead <= 0xf4) {
      length = 4;
      if (lead === 0xf0) low = 0x90;
      if (lead === 0xf4) high = 0x8f;
    } else return { offset: index, validMultiByte };
    for (let next = 1; next < length; next += 1) {
      const byte = bytes[index + next];
      const min = next === 1 ? low : 0x80;
      const max = next === 1 ? high : 0xbf;
      if (byte === undefined || byte < min || byte > max) return { offset: index, validMultiByte };
    }
    validMultiByte += 1;
    index += length;
  }
  return { offset: bytes.length, validMultiByte };
}

/** `line 12, bytes e4 b8 ff` for an error message. */
function describeAt(bytes: Uint8Array, offset: number): string {
  let line = 1;
  for (let index = 0; index < offset; index += 1) if (bytes[index] === 0x0a) line += 1;
  const shown = [...bytes.subarray(offset, offset + 4)].map((byte) => byte.toString(16).padStart(2, '0')).join(' ');
  return `line ${line}, bytes ${shown}`;
}

/** Share of characters that are ASCII, white space, CJK, CJK punctuation or full-width forms. */
function plausibleShare(text: string): number {
  let plausible = 0;
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if (
      (code >= 0x20 && code < 0x7f) ||
      code === 0x09 ||
      code === 0x0a ||
      code === 0x0d ||
      (code >= 0x2000 && code <= 0x206f) || // general punctuation: — “ ” …
      (code >= 0x2460 && code <= 0x24ff) || // circled numbers ①
      (code >= 0x3000 && code <= 0x303f) || // CJK punctuation
      (code >= 0x3400 && code <= 0x9fff) || // CJK ideographs
      (code >= 0xff00 && code <= 0xffef) || // full-width forms
      (code >= 0xd800 && code <= 0xdfff) // surrogates: CJK extension planes
    ) {
      plausible++;
    }
  }
  return text.length === 0 ? 0 : plausible / text.length;
}
