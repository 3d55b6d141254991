import { describe, expect, it } from "vitest";

import { parsePreflightLog } from "./parse-log";
import { parseResultsJson } from "./parse-results";
import { FIXTURE, hasPreflightFixtures, readPreflightFixture, utf8 } from "./test-support";

const line = (fields: string) => `time="2026-03-12T16:06:39+01:00" level=info ${fields}`;
const log = (...lines: string[]) => parsePreflightLog(utf8(lines.join("\n")));

describe.skipIf(!hasPreflightFixtures)("parsePreflightLog on the genuine fixtures", () => {
  it("reads the failed 1.16.0 run: version, platform, digest, FAILED result, not submitted", () => {
    const parsed = parsePreflightLog(readPreflightFixture(FIXTURE.failed116Log));
    expect([parsed.preflightVersion, parsed.preflightCommit]).toEqual(["1.16.0", "b4a231cf9d50c5471eed598b3b48906eb5b9f3f7"]);
    expect([parsed.image, parsed.submitted, parsed.finished, parsed.errors, parsed.unrecognizedLines]).toEqual(["localhost:5000/auditvision-ui:test", false, true, [], 0]);
    expect(parsed.platforms).toHaveLength(1);
    expect(parsed.platforms[0]).toMatchObject({
      architecture: "amd64",
      tag: "test",
      digest: "sha256:687f0cdf29f22241241e0c5d3ddc951fcd7ee41c0cbe06482dbf58cb139ef8e3",
      result: "failed",
      submissionAttempted: false,
      connect: null,
    });
    expect([parsed.startedAt, parsed.finishedAt]).toEqual(["2026-03-12T16:06:34+01:00", "2026-03-12T16:06:45+01:00"]);
  });

  it("agrees with results.json on every check outcome", () => {
    const parsed = parsePreflightLog(readPreflightFixture(FIXTURE.failed116Log));
    const [run] = parseResultsJson(readPreflightFixture(FIXTURE.failed116));
    const fromLog = Object.fromEntries(parsed.platforms[0]?.checks.map((check) => [check.canonicalName, check.outcome]) ?? []);
    expect(fromLog).toEqual(Object.fromEntries(run?.checks.map((check) => [check.canonicalName, check.outcome]) ?? []));
  });

  it.each([
    [FIXTURE.arm64116Log, "arm64", "69ca29da0b2dfa07b4d30831", "69cc5232986bae85a5888fb1", "69cc4faff986227d139bf729"],
    [FIXTURE.amd64152Log, "amd64", "695da2556e8a9da931220fda", "696286419548c69a852ececd", "696286429301a5be77dbf978"],
  ])("reads the submission of %s and its Connect links", (name, architecture, componentId, testResultsId, imageId) => {
    const parsed = parsePreflightLog(readPreflightFixture(name));
    expect(parsed.submitted).toBe(true);
    const [platform] = parsed.platforms;
    expect(platform).toMatchObject({ architecture, result: "passed", submissionAttempted: true, submitted: true });
    expect(platform?.checks).toHaveLength(10);
    expect(platform?.connect).toEqual({
      componentId,
      testResultsId,
      imageId,
      testResultsUrl: `https://connect.redhat.com/component/view/${componentId}/certification/test-results/${testResultsId}`,
      vulnerabilitiesUrl: `https://connect.redhat.com/component/view/${componentId}/security/vulnerabilities/${imageId}`,
      imagesUrl: `https://connect.redhat.com/component/view/${componentId}/images`,
    });
  });

  it("splits the 1.7.2 log of four platforms into four sections with their own digests", () => {
    const parsed = parsePreflightLog(readPreflightFixture(FIXTURE.multi4Log));
    expect(parsed.platforms.map((platform) => platform.architecture)).toEqual(["amd64", "arm64", "ppc64le", "s390x"]);
    // The container policy had 8 checks in 1.1–1.10 (no trademark checks yet).
    expect(parsed.platforms.map((platform) => [platform.checks.length, platform.result])).toEqual(Array(4).fill([8, "passed"]));
    expect(new Set(parsed.platforms.map((platform) => platform.digest)).size).toBe(4);
    expect([parsed.preflightVersion, parsed.finished, parsed.submitted]).toEqual(["1.7.2", true, false]);
  });
});

describe("parsePreflightLog on synthetic logs", () => {
  it("keeps the err text of an errored check and lists error-level lines", () => {
    const parsed = log(
      line('msg="check completed" check=BasedOnUbi result=ERROR err="pyxis: context deadline exceeded"'),
      'time="2026-03-12T16:06:40+01:00" level=error msg="could not submit" err="401 \\"Unauthorized\\""',
    );
    expect(parsed.platforms[0]?.checks).toEqual([{ name: "BasedOnUbi", canonicalName: "BasedOnUbi", outcome: "errored", error: "pyxis: context deadline exceeded" }]);
    expect(parsed.errors.map((error) => [error.level, error.message, error.check, error.error])).toEqual([
      ["info", "check completed", "BasedOnUbi", "pyxis: context deadline exceeded"],
      ["error", "could not submit", null, '401 "Unauthorized"'],
    ]);
  });

  it("reads the ≤1.4 and 1.0.x message forms, mapping old check names", () => {
    const parsed = log(
      line('msg="running check: HasNoProhibitedPackagesMounted"'),
      line('msg="check completed: HasNoProhibitedPackagesMounted" result=PASSED'),
      line('msg="running check: BasedOnUbi" ERROR="layer lookup failed"'),
      line('msg="check completed: HasLicense" result=WARNING'),
    );
    expect(parsed.platforms[0]?.checks.map((check) => [check.canonicalName, check.outcome])).toEqual([
      ["HasNoProhibitedPackages", "passed"],
      ["HasLicense", "warned"],
    ]);
    expect(parsed.errors).toMatchObject([{ check: "BasedOnUbi", error: "layer lookup failed" }]);
  });

  it("marks a log that stops before its Preflight result as unfinished", () => {
    const parsed = log(line('msg="running checks for quay.io/a/b:1 for platform amd64"'), line('msg="check completed" check=HasLicense result=PASSED'));
    expect([parsed.finished, parsed.platforms[0]?.result, parsed.image]).toEqual([false, null, "quay.io/a/b:1"]);
  });

  it("tolerates BOM, CRLF, blank lines, stray output, overlong lines and invalid UTF-8", () => {
    const text = `\uFEFF${line('msg="Preflight result: PASSED"')}\r\n\r\npanic: runtime error\r\n\tgoroutine 1\r\n${"x".repeat(70_000)}\r\nkey="unterminated\r\n`;
    const bytes = Uint8Array.from([...utf8(text), 0xff, 0xfe]);
    const parsed = parsePreflightLog(bytes);
    expect([parsed.lineCount, parsed.unrecognizedLines, parsed.finished]).toEqual([6, 5, true]);
    expect(parsePreflightLog(new Uint8Array(0))).toMatchObject({ lineCount: 0, platforms: [], finished: false });
  });
});
