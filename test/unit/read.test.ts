import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../core/errors.ts';
import { decodeSource } from '../../ingest/decode.ts';
import { readSource } from '../../ingest/read.ts';

const fixtures = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../fixtures/ingest');
const fixture = (name: string): string => path.join(fixtures, name);

async function rejection(file: string): Promise<InputError> {
  const error: unknown = await readSource(file).then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(InputError);
  return error as InputError;
}

describe('readSource', () => {
  it('reads UTF-8 text', async () => {
    const source = await readSource(fixture('report-utf8.txt'));
    expect(source.encoding).toBe('utf-8');
    expect(source.text.startsWith('2021年某市政府工作报告\n各位代表：')).toBe(true);
    expect(source.contentHash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('detects GBK/GB18030 and decodes it to the same text', async () => {
    const utf8 = await readSource(fixture('report-utf8.txt'));
    const gbk = await readSource(fixture('report-gbk.txt'));
    expect(gbk.encoding).toBe('gb18030');
    expect(gbk.text).toBe(utf8.text);
    expect(gbk.contentHash).not.toBe(utf8.contentHash);
  });

  it('strips a UTF-8 byte order mark', async () => {
    const source = await readSource(fixture('report-bom.txt'));
    expect(source.text.charCodeAt(0)).not.toBe(0xfeff);
    expect(source.text).toBe((await readSource(fixture('report-utf8.txt'))).text);
  });

  it('turns CRLF line ends into LF', async () => {
    const source = await readSource(fixture('report-crlf.txt'));
    expect(source.text).not.toContain('\r');
    expect(source.text).toBe((await readSource(fixture('report-utf8.txt'))).text);
  });

  it('rejects a missing file, naming it', async () => {
    const error = await rejection(fixture('no-such-file.txt'));
    expect(error.code).toBe('INPUT_NOT_FOUND');
    expect(error.path).toBe(fixture('no-such-file.txt'));
    expect(error.message).toContain('no-such-file.txt');
  });

  it('rejects a directory', async () => {
    const error = await rejection(fixture('a-directory'));
    expect(error.code).toBe('INPUT_IS_DIRECTORY');
    expect(error.message).toContain('a-directory');
  });

  it('rejects an empty file and a file of white space only', async () => {
    expect((await rejection(fixture('empty.txt'))).code).toBe('INPUT_EMPTY');
    expect((await rejection(fixture('whitespace.txt'))).code).toBe('INPUT_EMPTY');
  });

  it('rejects an archive, naming what it is', async () => {
    const error = await rejection(fixture('binary.bin'));
    expect(error.code).toBe('INPUT_UNSUPPORTED_FORMAT');
    expect(error.message).toMatch(/binary\.bin: a ZIP archive/);
  });

  it('rejects bytes that are neither UTF-8 nor GB18030', async () => {
    expect((await rejection(fixture('undecodable.txt'))).code).toBe('INPUT_UNDECODABLE');
  });
});

describe('decodeSource', () => {
  it('rejects text full of control characters as binary', () => {
    const bytes = new Uint8Array(200).map((_, index) => (index % 3 === 0 ? 0x01 : 0x41));
    expect(() => decodeSource('x.txt', bytes)).toThrow(/binary content/);
  });

  it('rejects UTF-16 with a clear reason', () => {
    expect(() => decodeSource('u16.txt', new Uint8Array([0xff, 0xfe, 0x2d, 0x4e]))).toThrow(/UTF-16/);
  });

  // Speed is the benchmark's business (npm run bench); this checks that such input is handled at all.
  it('decodes a 10 MB single line', () => {
    const line = '柳州市推进工业振兴，'.repeat(350_000) + '\r\n';
    const bytes = new TextEncoder().encode(line);
    expect(bytes.length).toBeGreaterThan(10_000_000);
    const source = decodeSource('long.txt', bytes);
    expect(source.text.length).toBe(line.length - 1);
    expect(source.text.endsWith('\n')).toBe(true);
  });
});
