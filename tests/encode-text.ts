/**
 * Encoders for the encodings editors save in, so tests can write the bytes they decode.
 * Node encodes only UTF-8; GBK is encoded by inverting the GB18030 decoder over GBK's two-byte
 * area (the test then checks exactly what the WHATWG decoder reads back).
 */
export const BOM = {
  utf8: [0xef, 0xbb, 0xbf],
  utf16le: [0xff, 0xfe],
  utf16be: [0xfe, 0xff],
  utf32le: [0xff, 0xfe, 0x00, 0x00],
  utf32be: [0x00, 0x00, 0xfe, 0xff],
} as const;

export function withBom(bom: readonly number[], bytes: Uint8Array): Uint8Array {
  return Uint8Array.from([...bom, ...bytes]);
}

export const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);

export function utf16(text: string, littleEndian: boolean): Uint8Array {
  const bytes = new Uint8Array(text.length * 2);
  const view = new DataView(bytes.buffer);
  for (let i = 0; i < text.length; i += 1) view.setUint16(i * 2, text.charCodeAt(i), littleEndian);
  return bytes;
}

export function utf32(text: string, littleEndian: boolean): Uint8Array {
  const codePoints = [...text].map((c) => c.codePointAt(0)!);
  const bytes = new Uint8Array(codePoints.length * 4);
  const view = new DataView(bytes.buffer);
  codePoints.forEach((codePoint, i) => view.setUint32(i * 4, codePoint, littleEndian));
  return bytes;
}

let gbkTable: Map<string, number[]> | undefined;

export function gbk(text: string): Uint8Array {
  gbkTable ??= buildGbkTable();
  const bytes: number[] = [];
  for (const char of text) {
    const code = char.codePointAt(0)!;
    if (code < 0x80) bytes.push(code);
    else bytes.push(...(gbkTable.get(char) ?? fail(`no GBK code for ${char}`)));
  }
  return Uint8Array.from(bytes);
}

function buildGbkTable(): Map<string, number[]> {
  const decoder = new TextDecoder('gbk', { fatal: true });
  const table = new Map<string, number[]>();
  for (let lead = 0x81; lead <= 0xfe; lead += 1) {
    for (let trail = 0x40; trail <= 0xfe; trail += 1) {
      if (trail === 0x7f) continue;
      try {
        const char = decoder.decode(Uint8Array.of(lead, trail));
        if (!table.has(char)) table.set(char, [lead, trail]);
      } catch {
        // not a GBK code
      }
    }
  }
  return table;
}

function fail(message: string): never {
  throw new Error(message);
}

/** Reproducible “random” bytes (xorshift32), so a failing case can be replayed. */
export function randomBytes(length: number, seed: number, { from = 0, to = 255 } = {}): Uint8Array {
  let state = seed || 1;
  return Uint8Array.from({ length }, () => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return from + ((state >>> 0) % (to - from + 1));
  });
}
