import { z } from "zod";

import { PreflightParseError } from "./parse-error";

// The lenient reading of one results.json document. Known keys are read when they have the right
// type and ignored otherwise; unknown keys (tested_on in 1.0.2, results.overall in hand-written
// fixtures) are ignored. Pre-release spellings are accepted: validation_lib_version for
// test_library and bundle_hash for certification_hash.

const optionalText = z.string().optional().catch(undefined);
const bucket = z.array(z.unknown()).optional().catch(undefined);
const librarySchema = z.looseObject({ name: optionalText, version: optionalText, commit: optionalText });

// z.unknown() alone makes a key required in zod 4; both may be missing.
export const rawEntrySchema = z.looseObject({
  name: z.unknown().optional(),
  elapsed_time: z.unknown().optional(),
  description: optionalText,
  help: optionalText,
  suggestion: optionalText,
  knowledgebase_url: optionalText,
  check_url: optionalText,
});

const rawResultsSchema = z.looseObject({
  image: optionalText,
  passed: z.boolean().optional().catch(undefined),
  certification_hash: optionalText,
  bundle_hash: optionalText,
  test_library: librarySchema.optional().catch(undefined),
  validation_lib_version: librarySchema.optional().catch(undefined),
  results: z.looseObject({ passed: bucket, failed: bucket, errors: bucket, warning: bucket }),
});

export type RawEntry = z.infer<typeof rawEntrySchema>;
export type RawResults = z.infer<typeof rawResultsSchema>;

/** Accepts a document only when it has the results buckets plus an image or tool version. */
export function recognizeResults(value: unknown, label: string, offset: number): RawResults {
  const parsed = rawResultsSchema.safeParse(value);
  if (parsed.success) {
    const { results, image, test_library, validation_lib_version } = parsed.data;
    const hasBucket = [results.passed, results.failed, results.errors, results.warning].some(Array.isArray);
    if (hasBucket && (image !== undefined || test_library !== undefined || validation_lib_version !== undefined)) {
      return parsed.data;
    }
  }
  throw new PreflightParseError("not_preflight", `${label} is not preflight results: ${whatItIs(value)}.`, { offset });
}

function whatItIs(value: unknown): string {
  if (Array.isArray(value)) return "it is a JSON array, while preflight writes one object per run";
  if (typeof value !== "object" || value === null) return "it is not a JSON object";
  const keys = Object.keys(value);
  if (keys.includes("docker_image_digest") || keys.includes("parsed_data")) {
    return "it looks like cert-image.json; upload it as the run's cert-image.json";
  }
  if (keys.includes("rpms")) return "it looks like rpm-manifest.json";
  const shown = keys.slice(0, 8).map((key) => JSON.stringify(key.slice(0, 40)));
  const listed = shown.length ? `its top-level keys are ${shown.join(", ")}${keys.length > 8 ? ", …" : ""}` : "it is an empty object";
  return `expected "results" with "passed", "failed" and "errors" lists and a "test_library"; ${listed}`;
}
