import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeSource } from '../../ingest/decode.ts';
import { documentLikeFormat, unsupportedFormat } from '../../ingest/file-formats.ts';

const bytesOf = (...parts: (string | number[])[]): Uint8Array =>
  new Uint8Array(parts.flatMap((part) => (typeof part === 'string' ? [...Buffer.from(part, 'latin1')] : part)));

const ZIP = [0x50, 0x4b, 0x03, 0x04, 0x14, 0x00];
const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0x00];

describe('files the product does not read', () => {
  it('are recognised by their signature, and the shared containers by their name', () => {
    expect(unsupportedFormat('分工.pdf', bytesOf('%PDF-1.7\n'))?.name).toBe('a PDF document');
    expect(unsupportedFormat('分工.txt', bytesOf('%PDF-1.4\n'))?.name).toBe('a PDF document');
    expect(unsupportedFormat('分工.rtf', bytesOf('{\\rtf1\\ansi'))?.name).toBe('a Rich Text Format document');
    expect(unsupportedFormat('附件1.docx', bytesOf(ZIP))?.name).toBe('a Word document (.docx)');
    expect(unsupportedFormat('附件1.ofd', bytesOf(ZIP))?.name).toBe('an OFD document (.ofd)');
    expect(unsupportedFormat('附件1.txt', bytesOf(ZIP))?.name).toContain('a ZIP archive');
    expect(unsupportedFormat('附件2.wps', bytesOf(OLE))?.name).toBe('a WPS Writer document (.wps)');
    expect(unsupportedFormat('附件2', bytesOf(OLE))?.name).toContain('an OLE compound file');
    expect(unsupportedFormat('scan.png', bytesOf([0x89, 0x50, 0x4e, 0x47]))?.name).toBe('a PNG image');
    expect(documentLikeFormat('任务分解表.XLSX')?.name).toBe('an Excel workbook (.xlsx)');
    expect(documentLikeFormat('任务分解表.txt')).toBeNull();
  });

  it('never include text: any UTF-8 or GB18030 document is left to the decoder', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(...'柳州市人民政府关于落实重点工作分工的通知一二三（）：；、。abcPDF%{}\\\n\t 2026'), minLength: 1 }), (text) => {
        expect(unsupportedFormat('document.txt', new TextEncoder().encode(text))).toBeNull();
      }),
    );
  });

  it('are refused by the decoder with what they are and what to do', () => {
    expect(() => decodeSource('附件1.docx', bytesOf(ZIP, '[Content_Types].xml'))).toThrow(
      /^附件1\.docx: a Word document \(\.docx\), which is not read: open it and save it as plain text \(\.txt, UTF-8\) or as a web page \(\.html\), then ingest that file$/u,
    );
    expect(() => decodeSource('附件1.docx', bytesOf(ZIP))).toThrow(expect.objectContaining({ code: 'INPUT_UNSUPPORTED_FORMAT' }));
  });
});
