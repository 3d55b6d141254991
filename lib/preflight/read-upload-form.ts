import { pipeline } from "node:stream/promises";
import busboy from "busboy";
import { concatBytes } from "@/lib/encoding";
import { AppError } from "@/lib/errors";
import { readBodyChunks } from "@/lib/http";
import type { UploadFile } from "./prepare-upload";
import { readArchive, type ArchiveType } from "./read-archive";
import { EXPANDS_TOO_FAR, TOO_MANY_ENTRIES, UploadBudget } from "./upload-budget";
import { MAX_RESULTS_FILE_BYTES, MAX_UPLOAD_BYTES } from "./upload-limits";

// Reads a multipart/form-data upload while it streams in (busboy parses it): the body is capped at
// MAX_UPLOAD_BYTES whether or not it declares a length, each archive part is unpacked as soon as it
// has arrived, and every part and archive draws on the request's one UploadBudget. The first
// refusal stops reading: the rest of the body is never read, let alone kept.
//
// Fields: `results` (files, archives unpacked), `certImage`, `log`; the text fields `component`,
// `arch`, `force` and `createComponent` (the first of each); anything else is ignored.

const ROLES = { results: "results", certImage: "certImage", log: "log" } as const;
const TEXT_FIELDS = ["component", "arch", "force", "createComponent"] as const;
type TextField = (typeof TEXT_FIELDS)[number];
export type UploadFormFields = Partial<Record<TextField, string>>;

const isTextField = (name: string): name is TextField => (TEXT_FIELDS as readonly string[]).includes(name);
const MIB = 1024 * 1024;
const unreadable = () => new AppError("invalid", "The multipart body could not be read.");

export async function readUploadForm(req: Request): Promise<{ files: UploadFile[]; fields: UploadFormFields }> {
  let parser: busboy.Busboy;
  try {
    // preservePath: a folder's files keep their relative names (amd64/results.json beside amd64/cert-image.json).
    parser = busboy({ headers: { "content-type": req.headers.get("content-type") ?? "" }, preservePath: true, defParamCharset: "utf8", limits: { fieldSize: 1024 } });
  } catch {
    throw unreadable(); // no boundary
  }
  const budget = new UploadBudget();
  const stopReading = new AbortController();
  const files: UploadFile[] = [];
  const fields: UploadFormFields = {};
  let refusal: AppError | null = null;
  const refuse = (error: AppError) => {
    refusal ??= error;
    stopReading.abort();
    parser.destroy(refusal);
  };

  parser.on("field", (name, value) => {
    if (Object.hasOwn(ROLES, name)) refuse(new AppError("invalid", `${name}: send a file, not a text field.`));
    else if (isTextField(name)) fields[name] ??= value;
  });

  parser.on("file", (name, stream, info) => {
    stream.on("error", () => undefined); // a part cut short: the parser itself reports why
    if (refusal || !Object.hasOwn(ROLES, name)) return void stream.resume();
    const role = ROLES[name as keyof typeof ROLES];
    const fileName = info.filename ?? "";
    const label = fileName || `${name}.json`;
    // A results archive (the artifacts folder as .tar.gz/.tgz/.zip, or a gzipped results.json) is unpacked.
    const archive = role === "results" ? archiveTypeOf(fileName, info.mimeType) : null;
    if (!archive && !budget.enter()) return refuse(new AppError("too_large", `${label}: ${TOO_MANY_ENTRIES}.`));
    const chunks: Uint8Array[] = [];
    let size = 0;
    stream.on("data", (chunk: Buffer) => {
      if (refusal) return;
      size += chunk.length;
      if (!archive && role !== "log" && size > MAX_RESULTS_FILE_BYTES) return refuse(new AppError("too_large", `${label}: larger than ${MAX_RESULTS_FILE_BYTES / MIB} MiB.`));
      // A plain file is held as sent; an archive's own bytes are only capped with the body, its contents count once unpacked.
      if (!archive && !budget.expand(chunk.length)) return refuse(new AppError("too_large", `${label}: ${EXPANDS_TOO_FAR}.`));
      chunks.push(chunk);
    });
    stream.on("end", () => {
      if (refusal) return;
      const bytes = concatBytes(chunks);
      try {
        if (archive) files.push(...readArchive(bytes, archive, fileName, budget));
        else files.push({ name: label, bytes, role });
      } catch (error) {
        refuse(error instanceof AppError ? error : unreadable());
      }
    });
  });

  try {
    await pipeline(readBodyChunks(req, MAX_UPLOAD_BYTES, stopReading.signal), parser);
  } catch (error) {
    if (refusal) throw refusal;
    if (error instanceof AppError) throw error;
    throw unreadable();
  }
  if (refusal) throw refusal;
  return { files, fields };
}

function archiveTypeOf(name: string, mimeType: string): ArchiveType | null {
  const lower = name.toLowerCase();
  if (/\.(tar\.gz|tgz|gz)$/.test(lower) || mimeType === "application/gzip" || mimeType === "application/x-gzip") return "gzip";
  if (lower.endsWith(".zip") || mimeType === "application/zip") return "zip";
  return null;
}
