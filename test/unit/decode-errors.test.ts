import { describe, expect, it } from 'vitest';
import { decodeSource, firstInvalidUtf8 } from '../../ingest/decode.ts';

const encoder = new TextEncoder();

describe('decoding damaged UTF-8', () => {
  it('finds the first byte that breaks UTF-8, counting the valid sequences before it', () => {
    const good = encoder.encode('柳州市');
    const bytes = new Uint8Array([...good, 0xff, ...good]);
    expect(firstInvalidUtf8(bytes)).toEqual({ offset: 9, validMultiByte: 3 });
    expect(firstInvalidUtf8(good)).toEqual({ offset: 9, validMultiByte: 3 });
    // Overlong forms, surrogates and a sequence cut off at the end are invalid too.
    expect(firstInvalidUtf8(new Uint8Array([0x41, 0xc0, 0x80])).offset).toBe(1);
    expect(firstInvalidUtf8(new Uint8Array([0xed, 0xa0, 0x80])).offset).toBe(0);
    expect(firstInvalidUtf8(new Uint8Array([0x41, 0xe4, 0xb8])).offset).toBe(1);
  });

  it('names the byte offset and line of a bad byte in the middle of a UTF-8 file', () => {
    const head = encoder.encode('柳州市人民政府关于落实2026年重点工作的通知\n各县、区人民政府：\n');
    const tail = encoder.encode('现就有关事项通知如下。\n');
    const bytes = new Uint8Array([...head, 0xe4, 0x28, ...tail]);
    expect(() => decodeSource('damaged.txt', bytes)).toThrow(
      new RegExp(`^damaged\\.txt: invalid UTF-8 at byte offset ${head.length} \\(line 3, bytes e4 28 `, 'u'),
    );
  });

  it('still reads GB18030, and names the offset when bytes are neither', () => {
    expect(decodeSource('gbk.txt', new Uint8Array([0xc1, 0xf8, 0xd6, 0xdd, 0x0a])).text).toBe('柳州\n');
    expect(() => decodeSource('soup.txt', new Uint8Array([0x41, 0x42, 0x81, 0x0a, 0x43]))).toThrow(/invalid at byte offset 2/u);
  });

  it('refuses unknown binary content, naming the first NUL byte or the share of control bytes', () => {
    expect(() => decodeSource('data.bin', new Uint8Array([0x41, 0x42, 0x00, 0x43]))).toThrow(/^data\.bin: binary content \(NUL byte at offset 2\)/u);
    expect(() => decodeSource('data.bin', new Uint8Array(Array.from({ length: 64 }, (_, index) => 1 + (index % 7))))).toThrow(
      expect.objectContaining({ code: 'INPUT_BINARY' }),
    );
  });
});
