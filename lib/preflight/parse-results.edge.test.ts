import { describe, expect, it } from "vitest";

import { MAX_CHECKS_PER_RUN, MAX_JSON_DEPTH, MAX_RESULTS_BYTES, MAX_RESULTS_DOCUMENTS } from "./limits";
import { architectureFromPath, parseResultsJson } from "./parse-results";
import type { ParsedRun } from "./schema";
import { CONTAINER_CHECKS, catchParseError, concatBytes, entry, jsonBytes, resultsDocument, utf8 } from "./test-support";

// The ingestion edge cases of shared/docs/preflight-format.md §5, written inline.

function one(value: unknown, fileName?: string): ParsedRun {
  const runs = parseResultsJson(jsonBytes(value), { fileName });
  expect(runs).toHaveLength(1);
  if (!runs[0]) throw new Error("no run");
  return runs[0];
}

const allPassed = () => CONTAINER_CHECKS.map((name) => entry(name));

describe("parseResultsJson edge cases", () => {
  it("1: refuses 0 bytes, whitespace and a lone BOM as an unfinished run", () => {
    for (const text of ["", "  \n\r\n\t", "\uFEFF", "\uFEFF\n"]) {
      const error = catchParseError(() => parseResultsJson(utf8(text)));
      expect(error.reason).toBe("empty_results");
      expect(error.message).toMatch(/did not finish/);
    }
  });

  it(`2: reads captured stdout of three arches and refuses more than ${MAX_RESULTS_DOCUMENTS} documents`, () => {
    const doc = jsonBytes(resultsDocument({ passed: allPassed() }));
    expect(parseResultsJson(concatBytes(doc, doc, doc)).map((run) => run.documentIndex)).toEqual([0, 1, 2]);
    const many = concatBytes(...Array.from({ length: MAX_RESULTS_DOCUMENTS + 1 }, () => doc));
    expect(catchParseError(() => parseResultsJson(many)).reason).toBe("too_many_documents");
  });

  it("2: keeps braces and escaped quotes inside strings from splitting a document", () => {
    const tricky = resultsDocument({ passed: [entry("HasLicense", { description: 'a "}{" b \\" } ] {' })] });
    const runs = parseResultsJson(concatBytes(jsonBytes(tricky, 0), jsonBytes(tricky, 2)));
    expect(runs.map((run) => run.checks[0]?.description)).toEqual(['a "}{" b \\" } ] {', 'a "}{" b \\" } ] {']);
  });

  it("4: tolerates missing elapsed_time, absent warning and certification_hash, and unknown keys", () => {
    const run = one(resultsDocument({ passed: [{ name: "HasLicense" }] }, { tested_on: { Name: "OpenShift", Version: "4.9" } }));
    expect(run.checks[0]).toMatchObject({ elapsedMs: null, description: null, help: null });
    expect([run.certificationHash, run.counts.warnings]).toEqual([null, 0]);
  });

  it("4: reads a non-empty warning list (1.8.x RequiredAnnotations) as warned, which does not fail the run", () => {
    const run = one(
      resultsDocument({ passed: [entry("DeployableByOLM"), entry("ValidateOperatorBundle")], warning: [entry("RequiredAnnotations", { help: "h", suggestion: "s" })] }, { test_library: { name: "github.com/redhat-openshift-ecosystem/openshift-preflight", version: "1.8.0", commit: "abc1234" } }),
    );
    expect(run.counts).toEqual({ passed: 2, failed: 0, errors: 0, warnings: 1 });
    expect([run.passed, run.policy, run.kind]).toEqual([true, "operator", "operator"]);
    expect(run.checks.find((check) => check.outcome === "warned")).toMatchObject({ name: "RequiredAnnotations", suggestion: "s" });
    expect(run.warnings.join(" ")).toContain("reports 5 checks for the operator policy");
  });

  it("4: reads pre-release output: validation_lib_version, no passed flag, Go duration strings, bundle_hash", () => {
    const run = one({
      image: "quay.io/acme/bundle:1",
      validation_lib_version: { version: "0.0.0", commit: "32fb47617b45e8a19aa7f83c1ecb9bba23f6baff" },
      bundle_hash: "1b1bf2c209ab3f7f7e403e56c0bd45f1",
      results: { passed: [{ name: "ValidateOperatorBundle", elapsed_time: "3.544120881s" }, { name: "DeployableByOLM", elapsed_time: "1m2.5s" }], failed: [], errors: [], overall: "PASS" },
    });
    expect(run.checks.map((check) => check.elapsedMs)).toEqual([3544, 62500]);
    expect([run.passed, run.certificationHash, run.preflight.devBuild]).toEqual([true, "1b1bf2c209ab3f7f7e403e56c0bd45f1", true]);
    expect(run.warnings).toEqual(
      expect.arrayContaining([
        "Pre-release preflight output (validation_lib_version instead of test_library).",
        "The file has no overall passed flag; it was computed from the checks.",
      ]),
    );
  });

  it("5: shows a run with three empty lists as no checks, never as passed", () => {
    const run = one(resultsDocument({}));
    expect([run.passed, run.policy, run.checks]).toEqual([false, null, []]);
    expect(run.warnings).toContain("The run lists no checks at all; it is not counted as passed.");
  });

  it("6: an errored check fails the run even when the file claims passed", () => {
    const run = one(resultsDocument({ passed: allPassed().slice(1), errors: [entry("HasLicense")] }, { passed: true }));
    expect([run.passed, run.counts.errors]).toEqual([false, 1]);
    expect(run.warnings).toContain("The file says passed: true, but its checks say false; the checks were used.");
  });

  it("7: keeps unknown future check names, including ones that shadow Object properties", () => {
    const names = ["HasSbom", "constructor", "__proto__", "toString"];
    const run = one(resultsDocument({ passed: [...allPassed(), ...names.map((name) => entry(name))] }));
    const unknown = run.checks.filter((check) => !check.known);
    expect(unknown.map((check) => [check.name, check.canonicalName, check.removed])).toEqual(names.map((name) => [name, name, false]));
    expect(run.policy).toBe("container");
  });

  it("8: keeps the worst outcome when a check is listed twice, also under its old name", () => {
    const run = one(resultsDocument({ passed: [entry("HasLicense"), entry("HasNoProhibitedPackagesMounted")], failed: [entry("HasLicense")], errors: [entry("HasNoProhibitedPackages")] }));
    expect(run.checks.map((check) => [check.canonicalName, check.outcome])).toEqual([
      ["HasLicense", "failed"],
      ["HasNoProhibitedPackages", "errored"],
    ]);
    expect(run.warnings.filter((warning) => warning.includes("listed more than once"))).toHaveLength(2);
  });

  it("9: keeps an invalid image string raw and reads Docker Hub short forms", () => {
    const invalid = one(resultsDocument({ passed: allPassed() }, { image: "Quay.io/ACME/Widget:1" }));
    expect([invalid.image, invalid.imageRaw]).toEqual([null, "Quay.io/ACME/Widget:1"]);
    expect(invalid.warnings.join(" ")).toContain("not a valid image reference");
    expect(one(resultsDocument({ passed: allPassed() }, { image: "ubuntu" })).image?.normalized).toBe("docker.io/library/ubuntu:latest");
    expect(one(resultsDocument({ passed: allPassed() }, { image: 42 })).imageRaw).toBeNull();
  });

  it("11: takes the architecture only from an artifacts/<arch>/ directory", () => {
    expect(architectureFromPath("artifacts/ppc64le/results.json")).toBe("ppc64le");
    expect(architectureFromPath("C:\\runs\\artifacts\\s390x\\results.json")).toBe("s390x");
    expect(architectureFromPath("artifacts/results.json")).toBeNull();
    expect(architectureFromPath("amd64/../x86_64/results.json")).toBe("amd64");
    expect(architectureFromPath("amd64-results.json")).toBeNull();
    const run = one(resultsDocument({ passed: allPassed() }, { test_library: { version: "1.18.0", commit: "0123456789abcdef0123456789abcdef01234567" } }), "artifacts/arm64/results.json");
    expect([run.architecture, run.architectureSource, run.warnings]).toEqual(["arm64", "path", []]);
  });

  it("12: identifies dev builds by commit, and says unknown when there is none", () => {
    const unknown = one(resultsDocument({ passed: allPassed() }, { test_library: { version: "unknown", commit: "unknown" } }));
    expect(unknown.preflight).toEqual({ version: "unknown", reportedVersion: "unknown", commit: null, devBuild: true });
  });

  it("13: refuses oversized, too deep and too long inputs with typed errors", () => {
    const big = new Uint8Array(MAX_RESULTS_BYTES + 1).fill(0x20);
    expect(catchParseError(() => parseResultsJson(big)).reason).toBe("too_large");
    const deep = utf8(`${"[".repeat(100_000)}${"]".repeat(100_000)}`);
    const error = catchParseError(() => parseResultsJson(deep));
    expect([error.reason, error.offset]).toEqual(["too_deep", MAX_JSON_DEPTH]);
    const many = resultsDocument({ passed: Array.from({ length: MAX_CHECKS_PER_RUN + 1 }, (_, i) => entry(`Check${i}`)) });
    expect(catchParseError(() => parseResultsJson(jsonBytes(many, 0))).reason).toBe("too_large");
  });

  it("17: keeps texts verbatim (rendering them as text is the view's job)", () => {
    const description = '<img src=x onerror="alert(1)"> see https://example.com';
    expect(one(resultsDocument({ failed: [entry("HasLicense", { description })] })).checks[0]?.description).toBe(description);
  });

  it("18: skips entries shaped like the wrong SKILL.md docs (check/message) and refuses results as an array", () => {
    const run = one(resultsDocument({ passed: [...allPassed(), { check: "HasLicense", message: "ok" }, "HasLicense", null] }));
    expect(run.checks).toHaveLength(10);
    expect(run.warnings).toContain("3 entries in results.passed had no check name and were skipped.");
    const arrayShape = { image: "x/y:1", test_library: {}, results: [{ check: "HasLicense", status: "PASSED" }] };
    expect(catchParseError(() => parseResultsJson(jsonBytes(arrayShape))).reason).toBe("not_preflight");
  });
});

describe("parseResultsJson refusals", () => {
  it.each([
    ['{"image": tru}', 13, "expected the literal true"],
    ['{"image": "a",}', 14, 'expected a double-quoted property name, found "}"'],
    ['{"image" "a"}', 9, 'expected ":" after a property name, found """'],
    ['{"results": [1 2]}', 15, 'expected "," or "]" after an array element, found "2"'],
    ['{"a": 01}', 7, 'expected "," or "}" after a property value, found "1"'],
    ['{"a": -x}', 7, 'expected a digit, found "x"'],
    ['{"a": [}', 7, 'expected a value, found "}"'],
    ['{"a": "\\u12G4"}', 7, "invalid \\u escape (four hex digits expected)"],
    ['{"a": "tab\there"}', 10, "unescaped control character byte 0x09 in a string"],
    ['{"a": "\\q"}', 7, "invalid escape \\q"],
    ['{"a": 1}\ntime="2026-01-01" level=info msg="x"', 9, 'expected "{" to start a JSON document, found "t"'],
    ["42", 0, 'expected "{" to start a JSON document, found "4"'],
  ])("names the byte offset of malformed JSON in %j", (text, offset, detail) => {
    const error = catchParseError(() => parseResultsJson(utf8(text), { fileName: "out.json" }));
    expect([error.reason, error.code, error.offset]).toEqual(["malformed_json", "invalid", offset]);
    expect(error.message).toBe(`results.json (out.json) is not valid JSON at byte offset ${offset}: ${detail}.`);
  });

  it("counts offsets in bytes, past multi-byte characters", () => {
    const error = catchParseError(() => parseResultsJson(utf8('{"é€😀": x}')));
    // "{" + '"' + é (2) + € (3) + 😀 (4) + '"' + ":" + " " puts the x at byte 14 (character 9).
    expect(error.offset).toBe(14);
  });

  it("says a document cut short is truncated", () => {
    const bytes = utf8('\n{"image": "quay.io/a/b:1", "results": {"passed": [');
    const error = catchParseError(() => parseResultsJson(bytes));
    expect([error.reason, error.offset]).toEqual(["malformed_json", bytes.length]);
    expect(error.message).toContain("inside the JSON document that starts at byte offset 1: the file looks truncated");
  });

  it("refuses invalid UTF-8 with invalid_encoding and its offset", () => {
    const bytes = concatBytes(utf8('{"image": "a'), new Uint8Array([0xc3, 0x28]), utf8('"}'));
    const error = catchParseError(() => parseResultsJson(bytes));
    expect([error.reason, error.code, error.offset]).toEqual(["invalid_encoding", "invalid_encoding", 12]);
  });

  it("refuses JSON that is not preflight results, saying what it looks like", () => {
    const cases: Array<[unknown, string]> = [
      [[resultsDocument({})], "it is a JSON array"],
      [{ docker_image_digest: "sha256:00", parsed_data: {} }, "it looks like cert-image.json"],
      [{ rpms: [] }, "it looks like rpm-manifest.json"],
      [{ name: "certboard", version: "1" }, 'its top-level keys are "name", "version"'],
      [{ image: "a/b:1", results: { overall: "PASS" } }, "expected \"results\""],
      [{ results: { passed: [] } }, "expected \"results\""],
    ];
    for (const [value, hint] of cases) {
      const error = catchParseError(() => parseResultsJson(jsonBytes(value)));
      expect(error.reason).toBe("not_preflight");
      expect(error.message).toContain(hint);
    }
  });

  it("names the offending document in a multi-document upload", () => {
    const error = catchParseError(() => parseResultsJson(concatBytes(jsonBytes(resultsDocument({})), utf8('{"rpms": []}'))));
    expect(error.message).toMatch(/^results\.json, document 2 of 2, is not preflight results/);
  });
});

describe("what decides a run's meaning is never guessed", () => {
  const refuse = (value: unknown) => catchParseError(() => parseResultsJson(jsonBytes(value)));

  it("refuses a passed that is not a boolean, a results list that is not a list, and another tool, with 400 invalid", () => {
    const yes = refuse(resultsDocument({ passed: allPassed() }, { passed: "yes" }));
    expect([yes.reason, yes.code, yes.message]).toEqual(["invalid_results", "invalid", 'results.json: "passed" must be true or false, not the text "yes".']);
    expect(refuse(resultsDocument({ passed: allPassed() }, { passed: null })).message).toContain('"passed" must be true or false, not null');
    const bucket = refuse({ ...resultsDocument({ passed: allPassed() }), results: { passed: allPassed(), failed: {}, errors: [] } });
    expect(bucket.message).toBe('results.json: "results.failed" must be a list of checks, not a object.');
    const tool = refuse(resultsDocument({ passed: allPassed() }, { test_library: { name: "n", version: "1.16.0", commit: "x" } }));
    expect(tool.message).toBe('results.json: "test_library.name" is the text "n"; results come from preflight (github.com/redhat-openshift-ecosystem/openshift-preflight), so this is not its output.');
    expect(refuse(resultsDocument({ passed: allPassed() }, { test_library: "preflight" })).message).toContain('"test_library" must be an object naming the tool');
  });

  it("still reads what preflight wrote: no passed (pre-release), no warning list, and Red Hat's own fixture's short tool name", () => {
    const noPassed = resultsDocument({ passed: allPassed() });
    delete noPassed.passed;
    expect(one(noPassed).passed).toBe(true);
    expect(one(resultsDocument({ passed: allPassed() }, { test_library: { name: "preflight", version: "0.0.0", commit: "32fb47617b45e8a19aa7f83c1ecb9bba23f6baff" } })).warnings).toEqual(
      expect.arrayContaining([expect.stringContaining('test_library.name is "preflight"')]),
    );
  });
});
