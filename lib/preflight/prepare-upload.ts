import { isStorableText } from "@/lib/encoding";
import { AppError } from "@/lib/errors";
import { attachCertImage } from "./attach-cert-image";
import { parseCertImageJson } from "./parse-cert-image";
import { parsePreflightLog } from "./parse-log";
import { architectureFromPath, parseResultsJson } from "./parse-results";
import type { CertImage, ParsedLog, ParsedRun } from "./schema";

// Turns the files of one upload (any door: JSON body, form fields, archive entries) into runs
// ready to store. Everything is parsed before anything is written, so one bad file refuses the
// whole upload with an error naming it.

export type UploadFile = { name: string; bytes: Uint8Array; role?: "results" | "certImage" | "log" };

export type PreparedRun = ParsedRun & {
  fileName: string;
  original: Uint8Array;
  certImage: CertImage | null;
  log: ParsedLog | null;
  logText: string | null;
};

function roleOf(file: UploadFile): NonNullable<UploadFile["role"]> {
  if (file.role) return file.role;
  const base = file.name.split(/[\\/]/).pop()?.toLowerCase() ?? "";
  if (base.endsWith("cert-image.json")) return "certImage";
  if (base.endsWith(".log")) return "log";
  return "results";
}

const directoryOf = (name: string) => name.split(/[\\/]/).slice(0, -1).join("/");

export function prepareUpload(files: UploadFile[], options: { arch?: string } = {}): PreparedRun[] {
  // A name is stored with the run; a multipart filename may carry a NUL, which PostgreSQL text cannot hold.
  const unstorable = files.find((file) => !isStorableText(file.name));
  if (unstorable) throw new AppError("invalid_encoding", `The file name ${JSON.stringify(unstorable.name.slice(0, 200))} holds a NUL character or an unpaired surrogate.`);
  const results = files.filter((f) => roleOf(f) === "results");
  const certImages = files.filter((f) => roleOf(f) === "certImage").map((f) => ({ file: f, parsed: parseCertImageJson(f.bytes, { fileName: f.name }) }));
  const logs = files.filter((f) => roleOf(f) === "log");
  // One log per upload is the usual shape (preflight writes one preflight.log for every architecture).
  const logFile = logs[0] ?? null;
  const log = logFile ? parsePreflightLog(logFile.bytes, { fileName: logFile.name }) : null;
  // Read leniently, like the log parser: a damaged byte becomes U+FFFD, and so does a NUL (PostgreSQL text cannot hold one).
  const logText = logFile ? new TextDecoder("utf-8", { fatal: false }).decode(logFile.bytes).replace(/\u0000/g, "\uFFFD") : null;

  return results.flatMap((file) =>
    parseResultsJson(file.bytes, { fileName: file.name }).map((parsed) => {
      // cert-image.json beside the results (same folder), or the only one when there is one of each.
      const pair =
        certImages.find((c) => directoryOf(c.file.name) === directoryOf(file.name) && directoryOf(file.name) !== "") ??
        (certImages.length === 1 && results.length === 1 ? certImages[0] : undefined);
      let run = pair ? attachCertImage(parsed, pair.parsed) : parsed;
      if (!run.architecture && options.arch) run = { ...run, architecture: options.arch };
      else if (run.architecture && options.arch && run.architecture !== options.arch) {
        run = { ...run, warnings: [...run.warnings, `arch=${options.arch} was given, but the files say ${run.architecture}; the files win.`] };
      }
      return { ...run, fileName: file.name, original: file.bytes, certImage: pair?.parsed ?? null, log, logText };
    }),
  );
}

export { architectureFromPath };
