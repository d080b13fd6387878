/**
 * Just enough CBOR (RFC 8949) to take Pagefind's index files apart and put them back together
 * (search-index-chunks.ts): item boundaries, heads of arrays, text strings. Items are copied
 * as raw bytes wherever possible, so nothing this module does not understand is re-encoded.
 * Definite lengths only: Pagefind (minicbor) writes no others.
 */

/** Major types used here (RFC 8949 §3.1). */
export const UNSIGNED = 0;
export const TEXT = 3;
export const ARRAY = 4;

export interface Head {
  majorType: number;
  /** The length (strings, arrays, maps), the value (integers) or the simple value. */
  value: number;
  /** Where the item's content starts. */
  contentAt: number;
}

/** The head of the item at `at`. */
export function readHead(bytes: Uint8Array, at: number): Head {
  const contentAt = decodeHead(bytes, at);
  return { majorType: decoded.majorType, value: decoded.value, contentAt };
}

/**
 * Where the item starting at `at` ends (the offset just after it). A loop over a count of items
 * still to pass, without allocating: an index chunk holds hundreds of thousands of items.
 */
export function itemEnd(bytes: Uint8Array, at: number): number {
  let pending = 1;
  while (pending > 0) {
    at = decodeHead(bytes, at);
    const { majorType, value } = decoded;
    pending--;
    if (majorType === 2 || majorType === 3)
      at += value; // bytes, text
    else if (majorType === 4)
      pending += value; // array
    else if (majorType === 5)
      pending += 2 * value; // map: keys and values
    else if (majorType === 6) pending += 1; // tag, then its item
  }
  if (at > bytes.length) throw new Error(`CBOR: data ends at byte ${bytes.length}, an item runs to ${at}`);
  return at;
}

/** The items of the array at `at`, as [start, end) offsets. */
export function arrayItems(bytes: Uint8Array, at: number): [number, number][] {
  const head = expect(bytes, at, ARRAY);
  const items: [number, number][] = [];
  let start = head.contentAt;
  for (let k = 0; k < head.value; k++) {
    const end = itemEnd(bytes, start);
    items.push([start, end]);
    start = end;
  }
  return items;
}

// One of each: a shard's index has tens of thousands of words to read.
const utf8Decoder = new TextDecoder('utf-8', { fatal: true });
const utf8Encoder = new TextEncoder();

export function readText(bytes: Uint8Array, at: number): string {
  const head = expect(bytes, at, TEXT);
  if (head.contentAt + head.value > bytes.length)
    throw new Error(`CBOR: data ends at byte ${bytes.length}, a text runs to ${head.contentAt + head.value}`);
  return utf8Decoder.decode(bytes.subarray(head.contentAt, head.contentAt + head.value));
}

/** The shortest head for `value` (what minicbor writes). */
export function encodeHead(majorType: number, value: number): Uint8Array {
  if (!Number.isSafeInteger(value) || value < 0) throw new Error(`CBOR: cannot encode length ${value}`);
  if (value < 24) return Uint8Array.of((majorType << 5) | value);
  const size = value < 0x100 ? 1 : value < 0x10000 ? 2 : value < 0x100000000 ? 4 : 8;
  const out = new Uint8Array(1 + size);
  out[0] = (majorType << 5) | { 1: 24, 2: 25, 4: 26, 8: 27 }[size]!;
  for (let k = size, rest = value; k >= 1; k--, rest = Math.floor(rest / 256)) out[k] = rest % 256;
  return out;
}

export function encodeText(text: string): Uint8Array {
  const utf8 = utf8Encoder.encode(text);
  return concat([encodeHead(TEXT, utf8.length), utf8]);
}

/** An array of items already encoded. */
export function encodeArray(items: readonly Uint8Array[]): Uint8Array {
  return concat([encodeHead(ARRAY, items.length), ...items]);
}

export function concat(parts: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}

/** What the last `decodeHead` read: one object reused, so that walking items allocates nothing. */
const decoded = { majorType: 0, value: 0 };

/** Decodes the head at `at` into `decoded`; returns where the item's content starts. */
function decodeHead(bytes: Uint8Array, at: number): number {
  const initial = byteAt(bytes, at);
  const info = initial & 0x1f;
  decoded.majorType = initial >> 5;
  if (info < 24) {
    decoded.value = info;
    return at + 1;
  }
  const size = info === 24 ? 1 : info === 25 ? 2 : info === 26 ? 4 : info === 27 ? 8 : 0;
  if (size === 0) throw new Error(`CBOR: unsupported additional information ${info} at byte ${at}`);
  let value = 0;
  for (let k = 1; k <= size; k++) value = value * 256 + byteAt(bytes, at + k);
  decoded.value = value;
  return at + 1 + size;
}

function expect(bytes: Uint8Array, at: number, majorType: number): Head {
  const head = readHead(bytes, at);
  if (head.majorType !== majorType)
    throw new Error(`CBOR: expected major type ${majorType} at byte ${at}, found ${head.majorType}`);
  return head;
}

function byteAt(bytes: Uint8Array, at: number): number {
  const byte = bytes[at];
  if (byte === undefined) throw new Error(`CBOR: data ends at byte ${at}`);
  return byte;
}
