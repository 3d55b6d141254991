import { Gunzip, Inflate } from "fflate";

import { concatBytes } from "@/lib/encoding";
import { AppError } from "@/lib/errors";
import type { UploadFile } from "./prepare-upload";
import { EXPANDS_TOO_FAR, TOO_MANY_ENTRIES, UploadBudget } from "./upload-budget";
import { MAX_RESULTS_FILE_BYTES } from "./upload-limits";

// Unpacks an uploaded copy of preflight's artifacts folder (tar.gz, zip, or a plain gzip of one
// results.json) into the files prepareUpload reads. Pure JS (fflate inflates; tar and zip framing
// are read here), no file system: nothing is ever written to disk. The bytes decide the format, the
// declared type only breaks ties: a .tgz sent as application/zip, or preflight's own uncompressed
// artifacts.tar, is read all the same.
//
// Kept: entries named results.json, cert-image.json or *.log. Everything else (rpm-manifest.json,
// hashes.txt, directories, macOS `._*` and __MACOSX/ noise) is ignored, but every entry's path is
// still checked: one entry that escapes the archive refuses the whole upload.
//
// The upload's budget (upload-budget.ts) is shared with the other archives and files of the same
// request. Throws AppError and nothing else:
//   too_large  more entries than the budget has left (directories and ignored files count);
//              more bytes inflated than it has left (counted while inflating: a bomb is never
//              inflated fully, and zip entries we ignore are never inflated at all; an
//              uncompressed tar counts its own size);
//              a results.json or cert-image.json larger than MAX_RESULTS_FILE_BYTES;
//   invalid    an absolute path, a `..` segment or a drive letter; a link or device entry; a corrupt
//              archive (bad checksum, truncated, sizes that lie); no results.json; a name twice.

export type ArchiveType = "gzip" | "zip";
type Role = NonNullable<UploadFile["role"]>;

const MIB = 1024 * 1024;
/** Compressed bytes handed to the inflater at a time: deflate expands at most ~1032×, so one step overshoots the budget by ≤ 8.3 MB. */
const INFLATE_STEP = 8 * 1024;
const BLOCK = 512;
const ENTRY_NAME_CHARS = 200;

type Context = { label: string };

/** Unpacks one archive, drawing on `budget`: pass the request's own when it holds several parts. */
export function readArchive(bytes: Uint8Array, type: ArchiveType, archiveName?: string, budget = new UploadBudget()): UploadFile[] {
  const ctx: Context = { label: archiveLabel(archiveName, type) };
  try {
    let files: UploadFile[];
    if (isGzip(bytes)) files = readGzip(bytes, ctx, budget, archiveName);
    else if (isZip(bytes)) files = readZip(bytes, ctx, budget);
    else if (looksLikeTar(bytes)) {
      if (!budget.expand(bytes.length)) throw expandedTooLarge(ctx, null);
      files = readTar(bytes, ctx, budget);
    } else if (type === "zip") files = readZip(bytes, ctx, budget);
    else throw corrupt(ctx, null, "not a gzip file");
    if (!files.some((file) => file.role === "results")) {
      throw new AppError(
        "invalid",
        `${ctx.label}: holds no results.json (expected artifacts/<arch>/results.json, or artifacts/results.json for operators and preflight before 1.7).`,
      );
    }
    return files;
  } catch (error) {
    if (error instanceof AppError) throw error;
    // Anything the framing code did not foresee (a RangeError from a hostile offset, ...) is still a corrupt archive.
    throw corrupt(ctx, null, "could not be read");
  }
}

// ---------------------------------------------------------------------------------------------
// Names, roles, errors

function archiveLabel(archiveName: string | undefined, type: ArchiveType): string {
  const base = archiveName?.split(/[\\/]/).pop()?.trim();
  if (base) return base.slice(0, 100);
  return type === "zip" ? "zip archive" : "gzip archive";
}

const quoted = (entry: string) => JSON.stringify(entry.length > ENTRY_NAME_CHARS ? `${entry.slice(0, ENTRY_NAME_CHARS)}…` : entry);

function refuse(ctx: Context, code: "invalid" | "too_large", entry: string | null, reason: string): AppError {
  return new AppError(code, entry === null ? `${ctx.label}: ${reason}.` : `${ctx.label}: entry ${quoted(entry)}: ${reason}.`);
}

const corrupt = (ctx: Context, entry: string | null, detail: string) => refuse(ctx, "invalid", entry, `the archive is corrupt (${detail})`);

const expandedTooLarge = (ctx: Context, entry: string | null) => refuse(ctx, "too_large", entry, EXPANDS_TOO_FAR);

/** The entry's path inside the archive, `./` and empty segments removed; "" for the root directory. */
function entryPath(ctx: Context, raw: string): string {
  if (raw.includes("\0")) throw refuse(ctx, "invalid", raw, "the name holds a NUL byte");
  const name = raw.replace(/\\/g, "/");
  const segments = name.split("/").filter((segment) => segment !== "" && segment !== ".");
  if (name.startsWith("/") || /^[A-Za-z]:/.test(name) || segments.includes("..")) {
    throw refuse(ctx, "invalid", raw, "path escapes the archive");
  }
  return segments.join("/");
}

function roleOf(path: string): Role | null {
  const segments = path.split("/");
  const base = (segments.at(-1) ?? "").toLowerCase();
  if (segments.includes("__MACOSX") || base.startsWith("._")) return null;
  if (base === "results.json") return "results";
  if (base === "cert-image.json") return "certImage";
  if (base.endsWith(".log")) return "log";
  return null;
}

/** Collects kept entries: per-file cap for the JSON files, and one entry per name. */
class Collector {
  readonly files: UploadFile[] = [];
  private readonly names = new Set<string>();
  constructor(private readonly ctx: Context) {}

  /** Checks a kept entry before its bytes are read. */
  admit(path: string, role: Role, size: number): void {
    if (role !== "log" && size > MAX_RESULTS_FILE_BYTES) {
      throw refuse(this.ctx, "too_large", path, `larger than ${MAX_RESULTS_FILE_BYTES / MIB} MiB`);
    }
    if (this.names.has(path)) throw refuse(this.ctx, "invalid", path, "appears more than once");
    this.names.add(path);
  }

  add(path: string, role: Role, bytes: Uint8Array): void {
    this.files.push({ name: path, bytes, role });
  }
}

// ---------------------------------------------------------------------------------------------
// Inflating under a budget, with CRC-32 checks (fflate verifies neither gzip nor zip checksums)

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

function crc32(previous: number, data: Uint8Array): number {
  let c = (previous ^ 0xffffffff) >>> 0;
  for (let i = 0; i < data.length; i++) c = CRC_TABLE[(c ^ data[i]!) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

type Stream = { push(chunk: Uint8Array, final?: boolean): void };

/** Feeds `data` in small steps so the output handler can stop a bomb early. fflate's own errors mean corrupt data. */
function pushInSteps(stream: Stream, data: Uint8Array, onCorrupt: () => AppError): void {
  try {
    if (data.length === 0) stream.push(data, true);
    for (let start = 0; start < data.length; start += INFLATE_STEP) {
      const end = Math.min(start + INFLATE_STEP, data.length);
      stream.push(data.subarray(start, end), end === data.length);
    }
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw onCorrupt();
  }
}

/** Raw deflate (a zip entry); more output than `declared` is corruption (or a lie meant to slip past the budget). */
function inflateEntry(ctx: Context, entry: string, data: Uint8Array, declared: number): Uint8Array {
  const chunks: Uint8Array[] = [];
  let total = 0;
  const stream = new Inflate((chunk) => {
    total += chunk.length;
    if (total > declared) throw corrupt(ctx, entry, `inflates to more than the ${declared} bytes its header declares`);
    chunks.push(chunk);
  });
  pushInSteps(stream, data, () => corrupt(ctx, entry, "bad deflate data"));
  return concatBytes(chunks);
}

const u32le = (b: Uint8Array, at: number) => ((b[at]! | (b[at + 1]! << 8) | (b[at + 2]! << 16)) >>> 0) + b[at + 3]! * 0x1000000;

/** Every member of a (possibly multi-member) gzip, concatenated, within what the budget has left. */
function gunzip(ctx: Context, bytes: Uint8Array, budget: UploadBudget): Uint8Array {
  const chunks: Uint8Array[] = [];
  let crc = 0;
  let memberSize = 0;
  const checkTrailer = (end: number) => {
    if (end < 18 || end > bytes.length) throw corrupt(ctx, null, "truncated gzip data");
    if (u32le(bytes, end - 8) !== crc || u32le(bytes, end - 4) !== memberSize % 0x100000000) {
      throw corrupt(ctx, null, "gzip checksum mismatch");
    }
    crc = 0;
    memberSize = 0;
  };
  const stream = new Gunzip((chunk) => {
    if (!budget.expand(chunk.length)) throw expandedTooLarge(ctx, tarEntryInProgress(concatBytes(chunks)));
    crc = crc32(crc, chunk);
    memberSize += chunk.length;
    chunks.push(chunk);
  });
  // Called when the next member's header is read: the previous member's 8-byte trailer ends there.
  stream.onmember = (offset) => checkTrailer(offset);
  pushInSteps(stream, bytes, () => corrupt(ctx, null, "bad gzip data"));
  checkTrailer(bytes.length);
  return concatBytes(chunks);
}

// ---------------------------------------------------------------------------------------------
// gzip: a tar inside, or one results.json

const isGzip = (b: Uint8Array) => b.length >= 2 && b[0] === 0x1f && b[1] === 0x8b;

function readGzip(bytes: Uint8Array, ctx: Context, budget: UploadBudget, archiveName: string | undefined): UploadFile[] {
  const data = gunzip(ctx, bytes, budget);
  if (looksLikeTar(data)) return readTar(data, ctx, budget);
  const name = singleFileName(archiveName, gzipStoredName(bytes));
  const collector = new Collector(ctx);
  collector.admit(name, "results", data.length);
  collector.add(name, "results", data);
  return collector.files;
}

/** `amd64-results.json.gz` → `amd64-results.json`; else the name gzip stored (FNAME); else results.json. */
function singleFileName(archiveName: string | undefined, stored: string | null): string {
  const fromArchive = archiveName?.split(/[\\/]/).pop()?.replace(/\.gz$/i, "");
  if (fromArchive?.toLowerCase().endsWith(".json")) return fromArchive;
  const fromHeader = stored?.split(/[\\/]/).pop();
  if (fromHeader?.toLowerCase().endsWith(".json")) return fromHeader;
  return "results.json";
}

function gzipStoredName(b: Uint8Array): string | null {
  const flags = b[3] ?? 0;
  if (!(flags & 0x08)) return null;
  let at = 10;
  if (flags & 0x04) at += 2 + (b[10] ?? 0) + ((b[11] ?? 0) << 8);
  const start = at;
  while (at < b.length && b[at] !== 0) at++;
  if (at >= b.length || at - start > 255) return null;
  return new TextDecoder("latin1").decode(b.subarray(start, at));
}

// ---------------------------------------------------------------------------------------------
// tar (ustar, GNU and pax extensions)

const latin1 = new TextDecoder("latin1");
const utf8 = new TextDecoder("utf-8", { fatal: false });

function cString(field: Uint8Array): Uint8Array {
  const nul = field.indexOf(0);
  return nul === -1 ? field : field.subarray(0, nul);
}

const isZeroBlock = (block: Uint8Array) => block.every((byte) => byte === 0);

/** Octal (NUL/space padded) or GNU base-256; null when neither. */
function tarNumber(field: Uint8Array): number | null {
  const first = field[0] ?? 0;
  if (first & 0x80) {
    if (first === 0xff) return null; // negative
    let value = first & 0x7f;
    for (const byte of field.subarray(1)) {
      value = value * 256 + byte;
      if (value > Number.MAX_SAFE_INTEGER) return null;
    }
    return value;
  }
  const text = latin1.decode(cString(field)).trim();
  if (!/^[0-7]*$/.test(text)) return null;
  return text ? parseInt(text, 8) : 0;
}

function checksumMatches(header: Uint8Array): boolean {
  const stored = tarNumber(header.subarray(148, 156));
  if (stored === null) return false;
  let unsigned = 0;
  let signed = 0;
  for (let i = 0; i < BLOCK; i++) {
    const byte = i >= 148 && i < 156 ? 0x20 : header[i]!;
    unsigned += byte;
    signed += byte > 127 ? byte - 256 : byte;
  }
  return stored === unsigned || stored === signed;
}

/**
 * A tar starts with a header block whose checksum holds (or, for an empty tar, with a zero block);
 * one with the ustar magic but a bad checksum is a corrupt tar, not a results.json.
 */
function looksLikeTar(data: Uint8Array): boolean {
  if (data.length < BLOCK) return false;
  const first = data.subarray(0, BLOCK);
  if (isZeroBlock(first)) return data.length % BLOCK === 0;
  return checksumMatches(first) || latin1.decode(first.subarray(257, 262)) === "ustar";
}

function headerName(header: Uint8Array): string {
  const name = utf8.decode(cString(header.subarray(0, 100)));
  // POSIX ustar splits long paths into prefix + name; GNU tar ("ustar  ") uses that space for other fields.
  const posix = latin1.decode(header.subarray(257, 263)) === "ustar\0";
  const prefix = posix ? utf8.decode(cString(header.subarray(345, 500))) : "";
  return prefix ? `${prefix}/${name}` : name;
}

/** pax extended header records: "<length> <key>=<value>\n". */
function paxRecords(ctx: Context, data: Uint8Array): Map<string, string> {
  const records = new Map<string, string>();
  let at = 0;
  while (at < data.length) {
    if (data[at] === 0) break;
    const space = data.indexOf(0x20, at);
    const length = space === -1 ? NaN : Number(latin1.decode(data.subarray(at, space)));
    if (!Number.isInteger(length) || length <= space - at || at + length > data.length) throw corrupt(ctx, null, "bad pax header");
    const record = utf8.decode(data.subarray(space + 1, at + length)).replace(/\n$/, "");
    const equals = record.indexOf("=");
    if (equals > 0) records.set(record.slice(0, equals), record.slice(equals + 1));
    at += length;
  }
  return records;
}

type TarHeader = { type: string; name: string; size: number; dataStart: number; next: number };

/** Reads the header at `offset`: null at the end-of-archive zero block. */
function tarHeader(ctx: Context, tar: Uint8Array, offset: number): TarHeader | null {
  const header = tar.subarray(offset, offset + BLOCK);
  if (header.length < BLOCK) {
    if (isZeroBlock(header)) return null;
    throw corrupt(ctx, null, "truncated tar header");
  }
  if (isZeroBlock(header)) return null;
  if (!checksumMatches(header)) throw corrupt(ctx, null, `bad tar header checksum at byte ${offset}`);
  const size = tarNumber(header.subarray(124, 136));
  if (size === null) throw corrupt(ctx, headerName(header), "bad size field");
  const typeByte = header[156] ?? 0;
  const dataStart = offset + BLOCK;
  return {
    type: typeByte === 0 ? "0" : String.fromCharCode(typeByte),
    name: headerName(header),
    size,
    dataStart,
    next: dataStart + Math.ceil(size / BLOCK) * BLOCK,
  };
}

const TAR_METADATA = new Set(["x", "g", "L", "K"]);

function readTar(tar: Uint8Array, ctx: Context, budget: UploadBudget): UploadFile[] {
  const collector = new Collector(ctx);
  let offset = 0;
  let longName: string | null = null;
  let paxPath: string | null = null;
  let paxSize: number | null = null;
  for (;;) {
    const header = tarHeader(ctx, tar, offset);
    if (!header) break;
    const isMetadata = TAR_METADATA.has(header.type);
    const rawName = isMetadata ? header.name : (paxPath ?? longName ?? header.name);
    const size = isMetadata ? header.size : (paxSize ?? header.size);
    const dataEnd = header.dataStart + size;
    if (dataEnd > tar.length) throw corrupt(ctx, rawName, "truncated");
    const data = tar.subarray(header.dataStart, dataEnd);
    offset = isMetadata ? header.next : header.dataStart + Math.ceil(size / BLOCK) * BLOCK;

    if (header.type === "x") {
      const records = paxRecords(ctx, data);
      paxPath = records.get("path") ?? paxPath;
      const sizeRecord = records.get("size");
      if (sizeRecord !== undefined) {
        if (!/^\d{1,15}$/.test(sizeRecord)) throw corrupt(ctx, paxPath, "bad pax size");
        paxSize = Number(sizeRecord);
      }
      continue;
    }
    if (header.type === "L") {
      longName = utf8.decode(cString(data));
      continue;
    }
    if (isMetadata) continue; // "g" (global pax), "K" (GNU long link name)
    longName = paxPath = null;
    paxSize = null;

    if (!budget.enter()) throw refuse(ctx, "too_large", rawName, TOO_MANY_ENTRIES);
    const path = entryPath(ctx, rawName);
    if (header.type === "1" || header.type === "2") {
      throw refuse(ctx, "invalid", rawName, `${header.type === "2" ? "symbolic" : "hard"} links are not accepted`);
    }
    if (header.type === "3" || header.type === "4" || header.type === "6") throw refuse(ctx, "invalid", rawName, "device and FIFO entries are not accepted");
    // Regular files only ("0", NUL, "7" contiguous); directories and unknown types are skipped.
    if (header.type !== "0" && header.type !== "7") continue;
    const role = path ? roleOf(path) : null;
    if (!role) continue;
    collector.admit(path, role, size);
    collector.add(path, role, data.slice());
  }
  return collector.files;
}

/** For the "too large" message: the entry whose data runs past the end of a partly inflated tar. */
function tarEntryInProgress(prefix: Uint8Array): string | null {
  let offset = 0;
  let name: string | null = null;
  const ctx: Context = { label: "" };
  try {
    for (;;) {
      if (offset + BLOCK > prefix.length) return name;
      const header = tarHeader(ctx, prefix, offset);
      if (!header) return null;
      if (!TAR_METADATA.has(header.type)) name = header.name;
      if (header.next > prefix.length) return name;
      offset = header.next;
    }
  } catch {
    return null; // not a tar (or a broken one): the message names no entry
  }
}

// ---------------------------------------------------------------------------------------------
// zip (read from the central directory; zip64 understood)

/** "PK\3\4" (a local header) or "PK\5\6" (an empty archive's end record). */
const isZip = (b: Uint8Array) => b.length >= 4 && b[0] === 0x50 && b[1] === 0x4b && ((b[2] === 3 && b[3] === 4) || (b[2] === 5 && b[3] === 6));

const SIG_LOCAL = 0x04034b50;
const SIG_CENTRAL = 0x02014b50;
const SIG_END = 0x06054b50;
const SIG_END64 = 0x06064b50;
const SIG_END64_LOCATOR = 0x07064b50;
const MAX32 = 0xffffffff;

type ZipEntry = { name: string; path: string; role: Role; method: number; flags: number; crc: number; compressedSize: number; size: number; localOffset: number };

function readZip(bytes: Uint8Array, ctx: Context, budget: UploadBudget): UploadFile[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const u16 = (at: number) => view.getUint16(at, true);
  const u32 = (at: number) => view.getUint32(at, true);
  const u64 = (at: number) => {
    const value = view.getUint32(at + 4, true) * 0x100000000 + view.getUint32(at, true);
    if (value > Number.MAX_SAFE_INTEGER) throw corrupt(ctx, null, "zip64 field out of range");
    return value;
  };
  const inBounds = (start: number, length: number) => start >= 0 && length >= 0 && start + length <= bytes.length;

  // End of central directory: the last 22 bytes, or further back when the archive has a comment.
  let end = -1;
  for (let at = bytes.length - 22; at >= Math.max(0, bytes.length - 22 - 0xffff); at--) {
    if (u32(at) === SIG_END && at + 22 + u16(at + 20) === bytes.length) {
      end = at;
      break;
    }
  }
  if (end === -1) throw corrupt(ctx, null, "not a zip archive: no end of central directory");
  if (u16(end + 4) !== 0 || u16(end + 6) !== 0 || u16(end + 8) !== u16(end + 10)) {
    throw refuse(ctx, "invalid", null, "multi-part (split) zip archives are not accepted");
  }
  let count = u16(end + 10);
  let directorySize = u32(end + 12);
  let directoryOffset = u32(end + 16);
  if (count === 0xffff || directorySize === MAX32 || directoryOffset === MAX32) {
    const locator = end - 20;
    if (locator < 0 || u32(locator) !== SIG_END64_LOCATOR) throw corrupt(ctx, null, "zip64 locator missing");
    const end64 = u64(locator + 8);
    if (!inBounds(end64, 56) || u32(end64) !== SIG_END64) throw corrupt(ctx, null, "zip64 end of central directory missing");
    count = u64(end64 + 32);
    directorySize = u64(end64 + 40);
    directoryOffset = u64(end64 + 48);
  }
  if (!inBounds(directoryOffset, directorySize)) throw corrupt(ctx, null, "central directory out of bounds");

  const collector = new Collector(ctx);
  const kept: ZipEntry[] = [];
  let at = directoryOffset;
  for (let index = 0; index < count; index++) {
    if (!inBounds(at, 46) || u32(at) !== SIG_CENTRAL) throw corrupt(ctx, null, "bad central directory entry");
    const madeBy = u16(at + 4);
    const flags = u16(at + 8);
    const method = u16(at + 10);
    const crc = u32(at + 16);
    let compressedSize = u32(at + 20);
    let size = u32(at + 24);
    const nameLength = u16(at + 28);
    const extraLength = u16(at + 30);
    const commentLength = u16(at + 32);
    const external = u32(at + 38);
    let localOffset = u32(at + 42);
    if (!inBounds(at + 46, nameLength + extraLength + commentLength)) throw corrupt(ctx, null, "central directory entry out of bounds");
    // Bit 11: UTF-8 names; otherwise CP437, which matches for the ASCII names preflight writes.
    const name = (flags & 0x800 ? utf8 : latin1).decode(bytes.subarray(at + 46, at + 46 + nameLength));
    if (!budget.enter()) throw refuse(ctx, "too_large", name, TOO_MANY_ENTRIES);

    // zip64 extra field: the 64-bit values of the fields saturated at 0xFFFFFFFF, in this order.
    for (let extra = at + 46 + nameLength; extra + 4 <= at + 46 + nameLength + extraLength; ) {
      const id = u16(extra);
      const length = u16(extra + 2);
      if (id === 0x0001) {
        let field = extra + 4;
        const next = () => {
          if (field + 8 > extra + 4 + length) throw corrupt(ctx, name, "short zip64 extra field");
          const value = u64(field);
          field += 8;
          return value;
        };
        if (size === MAX32) size = next();
        if (compressedSize === MAX32) compressedSize = next();
        if (localOffset === MAX32) localOffset = next();
      }
      extra += 4 + length;
    }
    at += 46 + nameLength + extraLength + commentLength;

    const path = entryPath(ctx, name);
    const unixMode = madeBy >> 8 === 3 ? external >>> 16 : 0;
    if ((unixMode & 0o170000) === 0o120000) throw refuse(ctx, "invalid", name, "symbolic links are not accepted");
    const isDirectory = name.endsWith("/") || name.endsWith("\\") || (unixMode & 0o170000) === 0o040000 || path === "";
    const role = isDirectory ? null : roleOf(path);
    if (role) kept.push({ name, path, role, method, flags, crc, compressedSize, size, localOffset });
  }

  // Sizes from the central directory first: an honest bomb is refused before anything is inflated.
  for (const entry of kept) {
    collector.admit(entry.path, entry.role, entry.size);
    if (!budget.expand(entry.size)) throw expandedTooLarge(ctx, entry.name);
  }
  for (const entry of kept) {
    if (entry.flags & 0x1) throw refuse(ctx, "invalid", entry.name, "encrypted entries are not accepted");
    const local = entry.localOffset;
    if (!inBounds(local, 30) || u32(local) !== SIG_LOCAL) throw corrupt(ctx, entry.name, "bad local header");
    const dataStart = local + 30 + u16(local + 26) + u16(local + 28);
    if (!inBounds(dataStart, entry.compressedSize)) throw corrupt(ctx, entry.name, "truncated");
    const data = bytes.subarray(dataStart, dataStart + entry.compressedSize);
    let content: Uint8Array;
    if (entry.method === 0) content = data.slice();
    else if (entry.method === 8) content = inflateEntry(ctx, entry.name, data, entry.size);
    else throw refuse(ctx, "invalid", entry.name, `compression method ${entry.method} is not supported (use deflate)`);
    if (content.length !== entry.size) throw corrupt(ctx, entry.name, `${content.length} bytes where the header declares ${entry.size}`);
    if (crc32(0, content) !== entry.crc) throw corrupt(ctx, entry.name, "CRC-32 mismatch");
    collector.add(entry.path, entry.role, content);
  }
  return collector.files;
}
