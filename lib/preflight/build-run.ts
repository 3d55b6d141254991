import { buildChecks, describeNames } from "./build-checks";
import { expectedCheckCount, inferPolicy } from "./infer-policy";
import { readRunImage } from "./preflight-image";
import type { RawResults } from "./raw-results";
import type { ParsedCheck, ParsedRun } from "./schema";
import { PREFLIGHT_MODULE, isAtLeast, parseReleaseVersion, readToolVersion } from "./tool-version";

// One recognized results document → ParsedRun. The file's own `passed` is compared, not trusted:
// preflight defines it as "no failed and no errors", so the buckets decide, and a run with no
// checks at all is never "passed" (edge case 5: Konflux reports such a run as an error too).

/** Notes that attachCertImage withdraws once the authoritative architecture is known. */
export const PATH_ARCHITECTURE_NOTE =
  "The architecture comes from the artifacts path, which is unreliable before preflight 1.18; cert-image.json is authoritative.";
export const MULTI_DOCUMENT_NOTE =
  "Several runs in one file (captured stdout): the architecture of each is unknown until its cert-image.json is attached.";

export type RunSource = {
  documentIndex: number;
  contentSha256: string;
  label: string;
  offset: number;
  /** From an artifacts/<arch>/ path, when the upload kept one. */
  pathArchitecture: string | null;
  documentCount: number;
};

export function buildRun(raw: RawResults, source: RunSource): ParsedRun {
  const library = raw.test_library ?? raw.validation_lib_version;
  const preflight = readToolVersion(library?.version ?? null, library?.commit ?? null);
  const release = preflight.devBuild ? null : parseReleaseVersion(preflight.version);
  const { checks, warnings } = buildChecks(raw.results, source.label, source.offset);
  const image = readRunImage(raw.image ?? null);
  const certificationHash = raw.certification_hash ?? raw.bundle_hash ?? null;
  const inference = inferPolicy(
    checks.map((check) => check.canonicalName),
    release,
    certificationHash !== null,
  );
  const counts = countOutcomes(checks);
  const passed = checks.length > 0 && counts.failed === 0 && counts.errors === 0;

  const notes = [
    ...image.warnings,
    ...libraryNotes(library?.name, raw.test_library === undefined && library !== undefined),
    ...passedNotes(raw.passed, passed, checks.length),
    ...warnings,
    ...describeNames(checks),
    ...inference.warnings,
  ];
  if (preflight.devBuild) notes.push(`Dev build of preflight (version "${preflight.reportedVersion ?? ""}"); identified by its commit.`);
  if (certificationHash !== null && !/^[0-9a-f]{32}$/.test(certificationHash)) {
    notes.push("certification_hash is not an md5 hex digest.");
  }
  const expected = inference.policy && release ? expectedCheckCount(inference.policy, release) : null;
  if (expected !== null && expected !== checks.length) {
    notes.push(
      `preflight ${preflight.version} reports ${expected} checks for the ${inference.policy} policy, this run has ${checks.length}; the file may be truncated or edited.`,
    );
  }
  if (source.documentCount > 1) notes.push(MULTI_DOCUMENT_NOTE);
  if (source.pathArchitecture && (!release || !isAtLeast(release, 1, 18))) {
    notes.push(PATH_ARCHITECTURE_NOTE);
  }

  return {
    documentIndex: source.documentIndex,
    image: image.image,
    imageRaw: raw.image ?? null,
    passed,
    certificationHash,
    preflight,
    policy: inference.policy,
    kind: inference.kind,
    architecture: source.pathArchitecture,
    architectureSource: source.pathArchitecture ? "path" : null,
    imageDigest: null,
    manifestListDigest: null,
    checks,
    counts,
    contentSha256: source.contentSha256,
    warnings: [...new Set(notes)],
  };
}

function countOutcomes(checks: readonly ParsedCheck[]): ParsedRun["counts"] {
  const of = (outcome: ParsedCheck["outcome"]) => checks.filter((check) => check.outcome === outcome).length;
  return { passed: of("passed"), failed: of("failed"), errors: of("errored"), warnings: of("warned") };
}

function libraryNotes(name: string | undefined, preRelease: boolean): string[] {
  const notes: string[] = [];
  if (preRelease) notes.push("Pre-release preflight output (validation_lib_version instead of test_library).");
  if (name !== undefined && name !== PREFLIGHT_MODULE) {
    notes.push(`test_library.name is "${name.slice(0, 100)}", not ${PREFLIGHT_MODULE}: the file may be hand-written or edited.`);
  }
  return notes;
}

function passedNotes(reported: boolean | undefined, computed: boolean, checkCount: number): string[] {
  if (checkCount === 0) return ["The run lists no checks at all; it is not counted as passed."];
  if (reported === undefined) return ["The file has no overall passed flag; it was computed from the checks."];
  if (reported !== computed) {
    return [`The file says passed: ${reported}, but its checks say ${computed}; the checks were used.`];
  }
  return [];
}
