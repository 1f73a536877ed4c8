/**
 * Pure: recognising the office, PDF and image files users drop among their
 * text documents, so that a file the product does not read is named with
 * what it is and what to do, instead of "binary content". Government pages
 * publish task divisions and livelihood tables as .doc/.docx/.wps/.pdf
 * attachments, so these are the files users are most likely to try.
 */
import path from 'node:path';

/** What such a file is, as a user would call it. */
export interface UnsupportedFormat {
  readonly name: string;
}

/** Extensions of document formats the product does not read; a folder's file with one is reported, not silently passed over. */
const DOCUMENT_LIKE_EXTENSIONS: Readonly<Record<string, string>> = {
  '.doc': 'a Word 97–2003 document (.doc)',
  '.docx': 'a Word document (.docx)',
  '.dot': 'a Word template (.dot)',
  '.dotx': 'a Word template (.dotx)',
  '.wps': 'a WPS Writer document (.wps)',
  '.wpt': 'a WPS Writer template (.wpt)',
  '.odt': 'an OpenDocument text (.odt)',
  '.rtf': 'a Rich Text Format document (.rtf)',
  '.pdf': 'a PDF document (.pdf)',
  '.ofd': 'an OFD document (.ofd)',
  '.ceb': 'a CEB document (.ceb)',
  '.xls': 'an Excel 97–2003 workbook (.xls)',
  '.xlsx': 'an Excel workbook (.xlsx)',
  '.et': 'a WPS Spreadsheets workbook (.et)',
  '.ods': 'an OpenDocument spreadsheet (.ods)',
};

/** The format of a document-like file, by its name alone: for a folder's files, before anything is read. */
export function documentLikeFormat(fileName: string): UnsupportedFormat | null {
  const name = DOCUMENT_LIKE_EXTENSIONS[path.extname(fileName).toLowerCase()];
  return name === undefined ? null : { name };
}

export function startsWith(bytes: Uint8Array, signature: readonly number[]): boolean {
  return signature.every((byte, index) => bytes[index] === byte);
}
const ascii = (text: string): number[] => [...text].map((character) => character.charCodeAt(0));

/**
 * The format of a file's content by its signature (and its name, for the
 * containers several formats share); null for anything else, text included.
 */
export function unsupportedFormat(fileName: string, bytes: Uint8Array): UnsupportedFormat | null {
  const byName = documentLikeFormat(fileName);
  if (startsWith(bytes, ascii('%PDF-'))) return { name: 'a PDF document' };
  if (startsWith(bytes, ascii('{\\rtf'))) return { name: 'a Rich Text Format document' };
  // ZIP: .docx, .xlsx, .odt, .ofd … are all ZIP archives.
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) return byName ?? { name: 'a ZIP archive (a .docx, .xlsx or .ofd file is one)' };
  // OLE compound file: .doc, .xls, .wps, .et.
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) return byName ?? { name: 'an OLE compound file (a .doc, .xls, .wps or .et file is one)' };
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47])) return { name: 'a PNG image' };
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return { name: 'a JPEG image' };
  if (startsWith(bytes, ascii('GIF8'))) return { name: 'a GIF image' };
  return null;
}

/** What the user can do about it, the same for every such format. */
export function unsupportedFormatAdvice(format: UnsupportedFormat): string {
  return `${format.name}, which is not read: open it and save it as plain text (.txt, UTF-8) or as a web page (.html), then ingest that file`;
}
