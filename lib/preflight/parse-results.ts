import { createHash } from "node:crypto";

import { buildRun } from "./build-run";
import { assertSize, readJsonDocuments } from "./json-documents";
import { MAX_JSON_DEPTH, MAX_RESULTS_BYTES, MAX_RESULTS_DOCUMENTS } from "./limits";
import { PreflightParseError, withTypedErrors } from "./parse-error";
import { recognizeResults } from "./raw-results";
import { SUPPORTED_ARCHITECTURES, type ParsedRun } from "./schema";

// Reads an uploaded results.json (or the captured stdout of a multi-arch run, which holds one
// document per architecture) into one ParsedRun per document. Pure: no database, no clock.
//
// Throws PreflightParseError and nothing else:
//   empty_results      0 bytes or only whitespace: preflight creates the file before running
//                      checks, so the run never finished;
//   malformed_json /   with the byte offset of the problem;
//   invalid_encoding
//   not_preflight      valid JSON that is not preflight results (cert-image.json, an array, …);
//   invalid_results    preflight's shape, but "passed" not a boolean, a results list not a list,
//                      or a test_library naming another tool (400: the run's meaning is unknown);
//   too_large / too_deep / too_many_documents   the limits in limits.ts.
//
// Hand-written files (the operator-pipelines fixture prefixed NOT-GENUINE_) are accepted
// leniently: their keys are the stable ones, so refusing would only hide data. What does not
// match any real preflight (test_library.name "preflight", fractional elapsed_time, unknown
// checks) becomes a warning on the run, and fractional durations are dropped, not guessed.

export { PreflightParseError } from "./parse-error";
export type { PreflightParseReason } from "./parse-error";

export type ParseResultsOptions = { fileName?: string };

export function parseResultsJson(bytes: Uint8Array, options: ParseResultsOptions = {}): ParsedRun[] {
  const label = options.fileName ? `results.json (${options.fileName.slice(-200)})` : "results.json";
  return withTypedErrors(label, () => readRuns(bytes, label, options.fileName));
}

function readRuns(bytes: Uint8Array, label: string, fileName: string | undefined): ParsedRun[] {
  assertSize(bytes, MAX_RESULTS_BYTES, label, fileName);
  const documents = readJsonDocuments(bytes, { label, maxDocuments: MAX_RESULTS_DOCUMENTS, maxDepth: MAX_JSON_DEPTH });
  if (documents.length === 0) {
    const what = bytes.length === 0 ? "is empty (0 bytes)" : "holds only whitespace";
    throw new PreflightParseError(
      "empty_results",
      `${label} ${what}: the preflight run did not finish (interrupted before it wrote results). Check preflight.log, re-run preflight and upload the new results.json.`,
      fileName === undefined ? {} : { fileName },
    );
  }
  // A path names one architecture; captured stdout with several documents has none per document.
  const pathArchitecture = documents.length === 1 ? architectureFromPath(fileName) : null;
  return documents.map((document, documentIndex) => {
    const where = documents.length > 1 ? `${label}, document ${documentIndex + 1} of ${documents.length},` : label;
    const raw = recognizeResults(document.value, where, document.start);
    const contentSha256 = createHash("sha256").update(bytes.subarray(document.start, document.end)).digest("hex");
    return buildRun(raw, {
      documentIndex,
      documentCount: documents.length,
      contentSha256,
      label: where,
      offset: document.start,
      pathArchitecture,
    });
  });
}

/** artifacts/<arch>/results.json → <arch>; only a directory named exactly like a supported arch counts. */
export function architectureFromPath(fileName: string | undefined): string | null {
  if (!fileName) return null;
  const directories = fileName.split(/[\\/]/).slice(0, -1).reverse();
  const supported: readonly string[] = SUPPORTED_ARCHITECTURES;
  return directories.find((directory) => supported.includes(directory)) ?? null;
}
