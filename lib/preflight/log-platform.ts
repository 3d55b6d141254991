import { worseOutcome } from "./build-checks";
import { identifyCheck } from "./check-catalogue";
import type { CheckOutcome, LogPlatform } from "./schema";

// One "running checks for … for platform …" section of preflight.log, built line by line.

const RESULT_OUTCOMES = new Map<string, CheckOutcome>([
  ["PASSED", "passed"],
  ["FAILED", "failed"],
  ["ERROR", "errored"],
  ["WARNING", "warned"],
]);

/** A Partner Connect link preflight prints: the project id, then which page of it. */
export const CONNECT_URL =
  /https:\/\/connect\.redhat\.com\/component\/view\/([0-9A-Za-z]+)\/(certification\/test-results|security\/vulnerabilities|images)(?:\/([0-9A-Za-z]+))?/;

export function newPlatform(architecture: string | null, image: string | null): LogPlatform {
  return {
    architecture,
    image,
    tag: null,
    digest: null,
    result: null,
    checks: [],
    submissionAttempted: false,
    submitted: false,
    connect: null,
  };
}

/** Records `check=X result=Y`; a check reported twice keeps its worst outcome. */
export function recordCheck(platform: LogPlatform, name: string, result: string, error: string | null): void {
  const outcome = RESULT_OUTCOMES.get(result.toUpperCase());
  if (!outcome || !name) return;
  const { canonicalName } = identifyCheck(name);
  const existing = platform.checks.find((check) => check.canonicalName === canonicalName);
  if (!existing) {
    platform.checks.push({ name, canonicalName, outcome, error });
    return;
  }
  existing.outcome = worseOutcome(existing.outcome, outcome);
  existing.error = existing.error ?? error;
}

/** The Connect links printed after a submission: test results, vulnerabilities, images. */
export function recordConnectUrl(platform: LogPlatform, message: string): void {
  const match = CONNECT_URL.exec(message);
  if (!match) return;
  const [url, componentId, kind, id] = match;
  const connect = platform.connect ?? emptyConnect();
  connect.componentId = connect.componentId ?? componentId ?? null;
  if (kind === "certification/test-results") {
    connect.testResultsUrl = url;
    connect.testResultsId = id ?? null;
  } else if (kind === "security/vulnerabilities") {
    connect.vulnerabilitiesUrl = url;
    connect.imageId = connect.imageId ?? id ?? null;
  } else {
    connect.imagesUrl = url;
  }
  platform.connect = connect;
}

export function emptyConnect(): NonNullable<LogPlatform["connect"]> {
  return { componentId: null, testResultsId: null, imageId: null, testResultsUrl: null, vulnerabilitiesUrl: null, imagesUrl: null };
}
