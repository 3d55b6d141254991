import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";

import { AppError } from "@/lib/errors";

import { attachCertImage } from "./attach-cert-image";
import { parseCertImageJson } from "./parse-cert-image";
import { parseResultsJson } from "./parse-results";
import { parsedRunSchema, type ParsedRun } from "./schema";
import { FIXTURE, catchParseError, concatBytes, hasPreflightFixtures, readPreflightFixture, utf8 } from "./test-support";

function only(runs: ParsedRun[]): ParsedRun {
  expect(runs).toHaveLength(1);
  const [run] = runs;
  if (!run) throw new Error("no run");
  return run;
}

const parseFixture = (name: string, fileName?: string) => only(parseResultsJson(readPreflightFixture(name), { fileName }));
const outcomeOf = (run: ParsedRun, name: string) => run.checks.find((check) => check.canonicalName === name)?.outcome;
const sha256 = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");

describe.skipIf(!hasPreflightFixtures)("parseResultsJson on the genuine fixtures", () => {
  it("reads the failed 1.16.0 container run: HasNoProhibitedLabels failed with every field, 9 passed", () => {
    const run = parseFixture(FIXTURE.failed116);
    expect(run.passed).toBe(false);
    expect(run.counts).toEqual({ passed: 9, failed: 1, errors: 0, warnings: 0 });
    expect(run.checks.filter((check) => check.outcome === "failed").map((check) => check.name)).toEqual(["HasNoProhibitedLabels"]);
    const failed = run.checks.find((check) => check.name === "HasNoProhibitedLabels");
    expect(failed).toMatchObject({
      canonicalName: "HasNoProhibitedLabels",
      elapsedMs: 0,
      description: "Checking if the labels (name, vendor, maintainer) violate Red Hat trademark.",
      help: "Check HasNoProhibitedLabelsCheck encountered an error. Please review the preflight.log file for more information.",
      suggestion: "Ensure the name, vendor, and maintainer label on your image do not violate the Red Hat trademark.",
      known: true,
      removed: false,
    });
    expect(failed?.knowledgebaseUrl).toMatch(/^https:\/\/access\.redhat\.com\/documentation\/.*\/2024\//);
    expect(failed?.checkUrl).toBe(failed?.knowledgebaseUrl);
    expect(run.image).toEqual({
      raw: "localhost:5000/auditvision-ui:test",
      normalized: "localhost:5000/auditvision-ui:test",
      registry: "localhost:5000",
      repository: "auditvision-ui",
      tag: "test",
      digest: null,
    });
    expect(run.preflight).toEqual({ version: "1.16.0", reportedVersion: "1.16.0", commit: "b4a231cf9d50c5471eed598b3b48906eb5b9f3f7", devBuild: false });
    expect([run.policy, run.kind, run.certificationHash, run.architecture]).toEqual(["container", "container", null, null]);
    expect(run.warnings).toEqual([]);
  });

  it("hashes the exact bytes of the document: the file minus its trailing newline", () => {
    const bytes = readPreflightFixture(FIXTURE.failed116);
    expect(bytes[bytes.length - 1]).toBe(0x0a);
    expect(parseFixture(FIXTURE.failed116).contentSha256).toBe(sha256(bytes.subarray(0, bytes.length - 1)));
    // ≤1.0.x wrote no trailing newline, so there the document is the whole file.
    expect(parseFixture(FIXTURE.operator105).contentSha256).toBe(sha256(readPreflightFixture(FIXTURE.operator105)));
  });

  it("reads the 1.0.5 operator run: failed and errored entries, an errors entry without suggestion or URLs", () => {
    const run = parseFixture(FIXTURE.operator105);
    expect(run.passed).toBe(false);
    expect(run.counts).toEqual({ passed: 2, failed: 1, errors: 1, warnings: 0 });
    expect(outcomeOf(run, "ValidateOperatorBundle")).toBe("failed");
    expect(run.checks.find((check) => check.name === "DeployableByOLM")).toEqual({
      name: "DeployableByOLM",
      canonicalName: "DeployableByOLM",
      outcome: "errored",
      elapsedMs: 6710,
      description: "Checking if the operator could be deployed by OLM",
      help: "It is required that your operator could be deployed by OLM",
      suggestion: null,
      knowledgebaseUrl: null,
      checkUrl: null,
      known: true,
      removed: false,
    });
    expect(run.checks.filter((check) => check.removed).map((check) => check.name)).toEqual(["ScorecardBasicSpecCheck", "ScorecardOlmSuiteCheck"]);
    expect([run.policy, run.kind, run.certificationHash]).toEqual(["operator", "operator", "3f468516fa7448303a3ef6e2aebcf6c8"]);
    expect(run.preflight).toEqual({ version: "46fa5bbd095366b69864edbe4718aecdb7c271e4", reportedVersion: "0.0.0", commit: "46fa5bbd095366b69864edbe4718aecdb7c271e4", devBuild: true });
  });

  it("reads the 1.0.4 operator run (no trailing newline) with its certification_hash", () => {
    const run = parseFixture(FIXTURE.operator104);
    expect(run.passed).toBe(true);
    expect(run.counts).toEqual({ passed: 4, failed: 0, errors: 0, warnings: 0 });
    expect(run.certificationHash).toBe("1b1bf2c209ab3f7f7e403e56c0bd45f1");
    expect(run.checks.find((check) => check.name === "DeployableByOLM")?.elapsedMs).toBe(64708);
    expect(run.warnings).toContain("Checks no longer run by current preflight: ScorecardBasicSpecCheck, ScorecardOlmSuiteCheck.");
  });

  it("maps the 1.1.0-beta3 dev build's legacy HasNoProhibitedPackagesMounted and random check order", () => {
    const run = parseFixture(FIXTURE.beta3Dev);
    expect(run.preflight).toEqual({ version: "06a9fd1520a37dc5b39328655f6ceaabf6471a51", reportedVersion: "0.0.0", commit: "06a9fd1520a37dc5b39328655f6ceaabf6471a51", devBuild: true });
    const legacy = run.checks.find((check) => check.name === "HasNoProhibitedPackagesMounted");
    expect(legacy).toMatchObject({ canonicalName: "HasNoProhibitedPackages", known: true, removed: false, elapsedMs: 822 });
    expect(run.checks.map((check) => check.name)[0]).toBe("LayerCountAcceptable");
    expect([run.passed, run.policy, run.counts.passed]).toEqual([true, "container", 8]);
    expect(run.warnings).toContain("HasNoProhibitedPackagesMounted is the old name of HasNoProhibitedPackages.");
  });

  it.each([FIXTURE.amd64152, FIXTURE.arm64116])("reads %s: 10 container checks, all passed, no warnings", (name) => {
    const run = parseFixture(name);
    expect([run.passed, run.policy, run.kind]).toEqual([true, "container", "container"]);
    expect(run.counts).toEqual({ passed: 10, failed: 0, errors: 0, warnings: 0 });
    expect(run.checks.every((check) => check.known && !check.removed)).toBe(true);
    expect(run.warnings).toEqual([]);
  });

  it("takes each multi-arch run's architecture and digest from its cert-image.json", () => {
    const pairs = [
      [FIXTURE.multiAmd64, FIXTURE.multiAmd64CertImage, "amd64"],
      [FIXTURE.multiArm64, FIXTURE.multiArm64CertImage, "arm64"],
    ] as const;
    const runs = pairs.map(([results, certImage]) => attachCertImage(parseFixture(results), parseCertImageJson(readPreflightFixture(certImage))));
    expect(runs.map((run) => run.architecture)).toEqual(pairs.map(([, , arch]) => arch));
    expect(runs.every((run) => run.architectureSource === "cert-image")).toBe(true);
    // Same image string for both halves; the digests tell them apart, the manifest list groups them.
    expect(new Set(runs.map((run) => run.image?.normalized))).toEqual(new Set(["docker.io/mariadb/maxscale:24.02.5-ubi"]));
    expect(runs[0]?.imageDigest).toBe("sha256:44d26a13a516893067f993e33c09fe774fc4720065a60b846bf4ee7d6cef65bf");
    expect(runs[1]?.imageDigest).toBe("sha256:c32bb7630c1c63ccb6eb3290f4a38d4af028508767c7dcf460776c147af64eeb");
    expect(new Set(runs.map((run) => run.manifestListDigest)).size).toBe(1);
    // index.docker.io in cert-image.json is the same registry as the short form's docker.io.
    expect(runs.flatMap((run) => run.warnings)).toEqual([]);
  });

  it("reads the architecture from an artifacts/<arch>/ path until cert-image.json overrides it", () => {
    const fromPath = parseFixture(FIXTURE.multiAmd64, "artifacts/amd64/results.json");
    expect([fromPath.architecture, fromPath.architectureSource]).toEqual(["amd64", "path"]);
    expect(fromPath.warnings.join(" ")).toContain("unreliable before preflight 1.18");
    const corrected = attachCertImage(fromPath, parseCertImageJson(readPreflightFixture(FIXTURE.multiArm64CertImage)));
    expect([corrected.architecture, corrected.architectureSource]).toEqual(["arm64", "cert-image"]);
    expect(corrected.warnings).toEqual(["The path said amd64, cert-image.json says arm64; cert-image.json wins."]);
  });

  it("refuses the interrupted 0-byte run with empty_results, saying the run did not finish", () => {
    const error = catchParseError(() => parseResultsJson(readPreflightFixture(FIXTURE.interrupted), { fileName: FIXTURE.interrupted }));
    expect(error).toBeInstanceOf(AppError);
    expect([error.reason, error.code, error.status]).toEqual(["empty_results", "empty_results", 422]);
    expect(error.message).toContain("did not finish");
    expect(error.message).toContain("interrupted");
    expect(error.details).toEqual({ reason: "empty_results", fileName: FIXTURE.interrupted });
  });

  it("splits two fixtures back to back into two runs, with or without a newline between them", () => {
    const amd64 = readPreflightFixture(FIXTURE.multiAmd64);
    const operator = readPreflightFixture(FIXTURE.operator104);
    const runs = parseResultsJson(concatBytes(amd64, readPreflightFixture(FIXTURE.multiArm64)), { fileName: "artifacts/amd64/out.json" });
    expect(runs.map((run) => run.documentIndex)).toEqual([0, 1]);
    expect(runs.map((run) => run.contentSha256)).toEqual([parseFixture(FIXTURE.multiAmd64).contentSha256, parseFixture(FIXTURE.multiArm64).contentSha256]);
    // One path cannot name the architecture of two runs.
    expect(runs.map((run) => run.architecture)).toEqual([null, null]);
    // operator_1.0.4 has no trailing newline, so the next document starts right after its "}".
    const glued = parseResultsJson(concatBytes(operator, amd64));
    expect(glued.map((run) => run.kind)).toEqual(["operator", "container"]);
  });

  it("reads BOM, CRLF and missing-final-newline variants like the original", () => {
    for (const name of [FIXTURE.failed116, FIXTURE.operator105, FIXTURE.beta3Dev]) {
      const original = parseFixture(name);
      const text = new TextDecoder().decode(readPreflightFixture(name));
      const bomOnly = only(parseResultsJson(utf8(`\uFEFF${text.trimEnd()}`)));
      expect(bomOnly).toEqual(original);
      const crlf = only(parseResultsJson(utf8(`\uFEFF${text.replace(/\n/g, "\r\n")}`)));
      // CRLF changes the bytes inside the document, so only the content hash differs.
      expect({ ...crlf, contentSha256: "" }).toEqual({ ...original, contentSha256: "" });
      expect(crlf.contentSha256).not.toBe(original.contentSha256);
    }
  });

  it("accepts the hand-written NOT-GENUINE fixture leniently, with warnings instead of guesses", () => {
    const run = parseFixture(FIXTURE.notGenuine);
    expect(run.passed).toBe(false);
    expect(run.counts).toEqual({ passed: 6, failed: 2, errors: 1, warnings: 0 });
    expect(run.checks.every((check) => check.elapsedMs === null)).toBe(true);
    expect(run.checks.find((check) => check.name === "test-test")).toMatchObject({ known: false, removed: false, outcome: "errored" });
    expect(run.checks.find((check) => check.name === "HasMinimalVulnerabilities")).toMatchObject({ known: true, removed: true, outcome: "failed" });
    const warnings = run.warnings.join("\n");
    expect(warnings).toContain('test_library.name is "preflight"');
    expect(warnings).toContain("not whole milliseconds");
    expect(warnings).toContain("Unknown checks kept as-is (a newer preflight?): test-test.");
  });

  it("produces output that satisfies the published schema for every non-empty fixture", () => {
    const names = Object.values(FIXTURE).filter((name) => name.endsWith(".results.json") && name !== FIXTURE.interrupted);
    expect(names).toHaveLength(9);
    for (const name of names) expect(() => parsedRunSchema.parse(parseFixture(name))).not.toThrow();
  });
});
