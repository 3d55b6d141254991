import { z } from "zod";

import { PreflightParseError } from "./parse-error";
import { PREFLIGHT_MODULE } from "./tool-version";

// The reading of one results.json document. Unknown keys (tested_on in 1.0.2, results.overall in
// hand-written fixtures) are ignored, and so are texts of the wrong type. Pre-release spellings are
// accepted: validation_lib_version for test_library and bundle_hash for certification_hash. What
// decides a run's meaning is never guessed: a "passed" that is not a boolean, a results list that
// is not a list, or a test_library that names another tool refuse the document (400 invalid).

/** test_library.name values preflight has written: its module path, and "preflight" in Red Hat's own pipeline fixture. */
const PREFLIGHT_NAMES = new Set([PREFLIGHT_MODULE, "preflight"]);

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
  assertMeaningfulTypes(value, label, offset);
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

const typeName = (value: unknown) => (value === null ? "null" : Array.isArray(value) ? "a list" : typeof value === "string" ? `the text ${JSON.stringify(value.slice(0, 40))}` : `a ${typeof value}`);

/** The keys that decide what a run means must have preflight's types; anything else is refused, not guessed. */
function assertMeaningfulTypes(value: unknown, label: string, offset: number): void {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return;
  const doc = value as Record<string, unknown>;
  const results = doc.results;
  // Only a document shaped like preflight's is held to its types; anything else is "not preflight".
  if (typeof results !== "object" || results === null || Array.isArray(results)) return;
  const refuse = (sentence: string) => {
    throw new PreflightParseError("invalid_results", `${label}: ${sentence}`, { offset });
  };
  if ("passed" in doc && typeof doc.passed !== "boolean") refuse(`"passed" must be true or false, not ${typeName(doc.passed)}.`);
  for (const bucket of ["passed", "failed", "errors", "warning"]) {
    const list = (results as Record<string, unknown>)[bucket];
    if (list !== undefined && !Array.isArray(list)) refuse(`"results.${bucket}" must be a list of checks, not ${typeName(list)}.`);
  }
  for (const key of ["test_library", "validation_lib_version"]) {
    const library = doc[key];
    if (library === undefined) continue;
    if (typeof library !== "object" || library === null || Array.isArray(library)) refuse(`"${key}" must be an object naming the tool, not ${typeName(library)}.`);
    const name = (library as Record<string, unknown>).name;
    if (name !== undefined && (typeof name !== "string" || !PREFLIGHT_NAMES.has(name))) {
      refuse(`"${key}.name" is ${typeName(name)}; results come from preflight (${PREFLIGHT_MODULE}), so this is not its output.`);
    }
  }
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
