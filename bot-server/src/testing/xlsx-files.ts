import { closeSync, openSync, writeSync } from "node:fs";
import { constants, crc32, deflateRawSync } from "node:zlib";

/**
 * Workbooks written byte by byte, for the reader's tests: cells Excel writes but exceljs does not
 * (a formula without its saved result), and attacks no library would write (a part that unpacks to
 * 450 MiB from a few hundred KB, sizes in the headers that lie, a file cut short).
 */

/** A part's content: text, or a block of bytes repeated (compressed once, so a huge part costs nothing to build). */
export type PartContent = string | Buffer | { repeat: Buffer; times: number };

export interface ZipPart {
  name: string;
  content: PartContent[];
  /** The uncompressed size the headers claim, when they should lie. */
  claimedSize?: number;
}

function compress(content: PartContent[]): { data: Buffer[]; size: number; crc: number } {
  const data: Buffer[] = [];
  let size = 0;
  let crc = 0;
  for (const c of content) {
    const block = typeof c === "string" ? Buffer.from(c, "utf8") : Buffer.isBuffer(c) ? c : c.repeat;
    const times = typeof c === "object" && !Buffer.isBuffer(c) ? c.times : 1;
    // A full flush ends each piece on a byte boundary with no back-references, so pieces can be repeated.
    const deflated = deflateRawSync(block, { finishFlush: constants.Z_FULL_FLUSH, level: 9 });
    for (let i = 0; i < times; i++) {
      data.push(deflated);
      crc = crc32(block, crc);
    }
    size += block.length * times;
  }
  data.push(deflateRawSync(Buffer.alloc(0))); // the final (empty) block
  return { data, size, crc };
}

/** Writes a zip archive (deflate, no zip64) of the parts, in order. */
export function writeZip(path: string, parts: ZipPart[], opts: { truncateAt?: number } = {}): void {
  const chunks: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  const push = (b: Buffer) => {
    chunks.push(b);
    offset += b.length;
  };
  for (const part of parts) {
    const { data, size, crc } = compress(part.content);
    const compressed = data.reduce((n, b) => n + b.length, 0);
    const claimed = part.claimedSize ?? size;
    const name = Buffer.from(part.name, "utf8");
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6); // names in UTF-8
    local.writeUInt16LE(8, 8);
    local.writeUInt16LE(0x21, 12); // 1980-01-01
    local.writeUInt32LE(crc >>> 0, 14);
    local.writeUInt32LE(compressed, 18);
    local.writeUInt32LE(claimed, 22);
    local.writeUInt16LE(name.length, 26);
    const at = offset;
    push(local);
    push(name);
    for (const d of data) push(d);
    const entry = Buffer.alloc(46);
    entry.writeUInt32LE(0x02014b50, 0);
    entry.writeUInt16LE(20, 4);
    entry.writeUInt16LE(20, 6);
    entry.writeUInt16LE(0x0800, 8);
    entry.writeUInt16LE(8, 10);
    entry.writeUInt16LE(0x21, 14);
    entry.writeUInt32LE(crc >>> 0, 16);
    entry.writeUInt32LE(compressed, 20);
    entry.writeUInt32LE(claimed, 24);
    entry.writeUInt16LE(name.length, 28);
    entry.writeUInt32LE(at, 42);
    central.push(entry, name);
  }
  const cdStart = offset;
  for (const c of central) push(c);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(offset - cdStart, 12);
  end.writeUInt32LE(cdStart, 16);
  push(end);
  const fd = openSync(path, "w");
  try {
    let written = 0;
    for (const c of chunks) {
      const room = opts.truncateAt === undefined ? c.length : Math.max(0, Math.min(c.length, opts.truncateAt - written));
      if (room > 0) writeSync(fd, c, 0, room);
      written += room;
    }
  } finally {
    closeSync(fd);
  }
}

const MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

const escapeXml = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

/** An inline text cell (`t="inlineStr"`). */
export const textCell = (ref: string, text: string) => `<c r="${ref}" t="inlineStr"><is><t xml:space="preserve">${escapeXml(text)}</t></is></c>`;

/** A worksheet part around raw `<row>` XML. */
export const worksheetXml = (rows: string) => `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="${MAIN}" xmlns:r="${REL}"><sheetData>${rows}</sheetData></worksheet>`;

/** A row of inline text cells, columns A, B, C… */
export const textRow = (r: number, values: string[]) => `<row r="${r}">${values.map((v, i) => textCell(`${String.fromCharCode(65 + i)}${r}`, v)).join("")}</row>`;

/**
 * The parts of a minimal workbook around the given worksheets (and shared strings, when given),
 * in the order Excel writes them: relationships and workbook first, shared strings before sheets.
 */
export function workbookParts(sheets: PartContent[][], sharedStrings?: ZipPart): ZipPart[] {
  const names = sheets.map((_, i) => `sheet${i + 1}`);
  return [
    {
      name: "[Content_Types].xml",
      content: [
        `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>${names.map((n) => `<Override PartName="/xl/worksheets/${n}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`).join("")}${sharedStrings ? '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>' : ""}</Types>`,
      ],
    },
    { name: "_rels/.rels", content: [`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`] },
    {
      name: "xl/_rels/workbook.xml.rels",
      content: [
        `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${names.map((n, i) => `<Relationship Id="rId${i + 1}" Type="${REL}/worksheet" Target="worksheets/${n}.xml"/>`).join("")}${sharedStrings ? `<Relationship Id="rId${names.length + 1}" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/>` : ""}</Relationships>`,
      ],
    },
    { name: "xl/workbook.xml", content: [`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<workbook xmlns="${MAIN}" xmlns:r="${REL}"><sheets>${names.map((n, i) => `<sheet name="${n}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join("")}</sheets></workbook>`] },
    ...(sharedStrings ? [sharedStrings] : []),
    ...sheets.map((content, i) => ({ name: `xl/worksheets/${names[i]}.xml`, content })),
  ];
}
