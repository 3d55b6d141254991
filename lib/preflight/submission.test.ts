import { describe, expect, it } from "vitest";
import { parsePreflightLog } from "./parse-log";
import { connectProjectOf, submissionOf } from "./submission";
import { FIXTURE, hasPreflightFixtures, readPreflightFixture } from "./test-support";

describe.skipIf(!hasPreflightFixtures)("submission read from preflight.log", () => {
  it("marks a submitted run with the Connect links its log printed", () => {
    const log = parsePreflightLog(readPreflightFixture(FIXTURE.arm64116Log));
    const submission = submissionOf(log, "arm64");
    expect(submission).toEqual({
      submitted: true,
      connectProjectId: "69ca29da0b2dfa07b4d30831",
      urls: [
        "https://connect.redhat.com/component/view/69ca29da0b2dfa07b4d30831/certification/test-results/69cc5232986bae85a5888fb1",
        "https://connect.redhat.com/component/view/69ca29da0b2dfa07b4d30831/security/vulnerabilities/69cc4faff986227d139bf729",
        "https://connect.redhat.com/component/view/69ca29da0b2dfa07b4d30831/images",
      ],
    });
    expect(connectProjectOf(submission.urls)).toBe("69ca29da0b2dfa07b4d30831");
  });

  it("says nothing was submitted for a log that only ran the checks, or no log at all", () => {
    expect(submissionOf(parsePreflightLog(readPreflightFixture(FIXTURE.failed116Log)), "amd64")).toEqual({ submitted: false, urls: [], connectProjectId: null });
    expect(submissionOf(null, "amd64").submitted).toBe(false);
    expect(connectProjectOf(["https://example.com/x"])).toBeNull();
  });
});
