import { gzipSync, zipSync, type Zippable } from "fflate";

// Archive builders for the hostile corpus: a ustar writer (fflate has none) and the doctored zip
// archives a careful attacker would send. Pure, no file system.

export const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);

export function concat(...parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}

export type TarEntry = { name: string; data?: Uint8Array; type?: string; linkName?: string };

const octal = (value: number, digits: number) => `${value.toString(8).padStart(digits, "0")}\0`;

function tarHeader({ name, data, type = "0", linkName = "" }: TarEntry): Uint8Array {
  const header = new Uint8Array(512);
  const field = (offset: number, length: number, text: string) => header.set(utf8(text).subarray(0, length), offset);
  field(0, 100, name);
  field(100, 8, octal(0o644, 7));
  field(108, 8, octal(0, 7));
  field(116, 8, octal(0, 7));
  field(124, 12, octal(data?.length ?? 0, 11));
  field(136, 12, octal(1_700_000_000, 11));
  field(148, 8, "        ");
  field(156, 1, type);
  field(157, 100, linkName);
  field(257, 6, "ustar\0");
  field(263, 2, "00");
  const sum = header.reduce((total, byte) => total + byte, 0);
  field(148, 8, `${sum.toString(8).padStart(6, "0")}\0 `);
  return header;
}

export function tar(entries: TarEntry[]): Uint8Array {
  const parts: Uint8Array[] = [];
  for (const entry of entries) {
    const data = entry.data ?? new Uint8Array();
    parts.push(tarHeader(entry), data, new Uint8Array((512 - (data.length % 512)) % 512));
  }
  parts.push(new Uint8Array(1024));
  return concat(...parts);
}

export const tgz = (entries: TarEntry[]) => gzipSync(tar(entries), { level: 1 });

export const zip = (files: Zippable, level: 0 | 1 | 6 = 6) => zipSync(files, { level });

/** Offsets of the central directory entries of a zip written by fflate (no comment, no zip64). */
function centralEntries(archive: Uint8Array): number[] {
  const view = new DataView(archive.buffer, archive.byteOffset, archive.byteLength);
  const end = archive.length - 22;
  const count = view.getUint16(end + 10, true);
  const offsets: number[] = [];
  let at = view.getUint32(end + 16, true);
  for (let i = 0; i < count; i++) {
    offsets.push(at);
    at += 46 + view.getUint16(at + 28, true) + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
  }
  return offsets;
}

/** The same zip with its last entry's central-directory fields rewritten (a lying size, an encryption flag, a method). */
export function doctorLastEntry(archive: Uint8Array, change: { size?: number; flags?: number; method?: number }): Uint8Array {
  const copy = archive.slice();
  const view = new DataView(copy.buffer, copy.byteOffset, copy.byteLength);
  const central = centralEntries(copy).at(-1)!;
  const local = view.getUint32(central + 42, true);
  if (change.size !== undefined) view.setUint32(central + 24, change.size, true);
  if (change.flags !== undefined) {
    view.setUint16(central + 8, change.flags, true);
    view.setUint16(local + 6, change.flags, true);
  }
  if (change.method !== undefined) {
    view.setUint16(central + 10, change.method, true);
    view.setUint16(local + 8, change.method, true);
  }
  return copy;
}

/** `size` bytes of zeros: compresses about a thousandfold. */
export const zeros = (size: number) => new Uint8Array(size);
