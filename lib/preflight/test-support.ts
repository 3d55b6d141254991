import { readFileSync } from "node:fs";
import path from "node:path";

import { SHARED_FIXTURES, fixtureAvailable } from "../../tests/fixtures";
import { PreflightParseError } from "./parse-error";

// Shared by the *.test.ts files of this folder only: the real preflight files in
// ../shared/fixtures/preflight (skipped locally when absent, required in CI) and a builder for
// the synthetic results documents the edge-case tests write inline.

export const PREFLIGHT_FIXTURES = path.join(SHARED_FIXTURES, "preflight");
export const hasPreflightFixtures = fixtureAvailable(PREFLIGHT_FIXTURES);

export const FIXTURE = {
  failed116: "container_1.16.0_amd64_failed_HasNoProhibitedLabels.results.json",
  failed116CertImage: "container_1.16.0_amd64_failed_HasNoProhibitedLabels.cert-image.json",
  failed116Log: "container_1.16.0_amd64_failed_HasNoProhibitedLabels.preflight.log",
  arm64116: "container_1.16.0_arm64_passed.results.json",
  arm64116Log: "container_1.16.0_arm64_passed_submitted.preflight.log",
  amd64152: "container_1.15.2_amd64_passed.results.json",
  amd64152Log: "container_1.15.2_amd64_passed_submitted.preflight.log",
  multiAmd64: "container_1.12.1_multiarch_amd64_passed.results.json",
  multiArm64: "container_1.12.1_multiarch_arm64_passed.results.json",
  multiAmd64CertImage: "container_1.12.1_multiarch_amd64.cert-image.json",
  multiArm64CertImage: "container_1.12.1_multiarch_arm64.cert-image.json",
  beta3Dev: "container_1.1.0-beta3dev_passed.results.json",
  multi4Log: "container_1.7.2_multiarch_4platforms_passed.preflight.log",
  operator104: "operator_1.0.4dev_passed.results.json",
  operator105: "operator_1.0.5dev_failed_with_errors.results.json",
  interrupted: "operator_1.16.0_interrupted_EMPTY.results.json",
  notGenuine: "NOT-GENUINE_handwritten-testfixture_operator-pipelines_2021.results.json",
} as const;

export function readPreflightFixture(name: string): Uint8Array {
  return new Uint8Array(readFileSync(path.join(PREFLIGHT_FIXTURES, name)));
}

export const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);

export function concatBytes(...parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}

type Entry = Record<string, unknown>;
// unknown[]: edge-case tests put malformed entries (strings, null) in the lists on purpose.
type Buckets = { passed?: unknown[]; failed?: unknown[]; errors?: unknown[]; warning?: unknown[] };

/** A results.json document as preflight ≥1.8 writes it, with the given buckets and top-level overrides. */
export function resultsDocument(buckets: Buckets, top: Record<string, unknown> = {}): Record<string, unknown> {
  const failed = buckets.failed ?? [];
  const errors = buckets.errors ?? [];
  return {
    image: "quay.io/acme/widget:1.0",
    passed: failed.length === 0 && errors.length === 0,
    test_library: { name: "github.com/redhat-openshift-ecosystem/openshift-preflight", version: "1.16.0", commit: "b4a231cf9d50c5471eed598b3b48906eb5b9f3f7" },
    results: { passed: buckets.passed ?? [], failed, errors, ...(buckets.warning ? { warning: buckets.warning } : {}) },
    ...top,
  };
}

export const entry = (name: string, extra: Entry = {}): Entry => ({ name, elapsed_time: 0, description: `${name} description`, ...extra });

/** The ten checks of the 1.13+ container policy, all passed. */
export const CONTAINER_CHECKS = [
  "HasLicense",
  "HasUniqueTag",
  "LayerCountAcceptable",
  "HasNoProhibitedPackages",
  "HasRequiredLabel",
  "HasNoProhibitedLabels",
  "RunAsNonRoot",
  "HasModifiedFiles",
  "BasedOnUbi",
  "HasProhibitedContainerName",
];

export const jsonBytes = (value: unknown, indent = 4): Uint8Array => utf8(`${JSON.stringify(value, null, indent)}\n`);

/** Runs `read` and returns the PreflightParseError it throws; fails the test on anything else. */
export function catchParseError(read: () => unknown): PreflightParseError {
  try {
    read();
  } catch (error) {
    if (error instanceof PreflightParseError) return error;
    throw new Error(`expected PreflightParseError, got ${String(error)}`);
  }
  throw new Error("expected a PreflightParseError, but nothing was thrown");
}
