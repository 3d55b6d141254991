import { describe, expect, it } from "vitest";

import { AppError } from "@/lib/errors";
import { prepareUpload } from "./prepare-upload";
import { CONTAINER_CHECKS, entry, jsonBytes, resultsDocument, utf8 } from "./test-support";

const RESULTS = jsonBytes(resultsDocument({ passed: CONTAINER_CHECKS.map((name) => entry(name)) }));

describe("prepareUpload with text PostgreSQL cannot store", () => {
  it("refuses a file name holding a NUL (a multipart filename can) before reading anything", () => {
    const refuse = () => prepareUpload([{ name: "res\u0000ults.json", bytes: RESULTS, role: "results" }]);
    expect(refuse).toThrow(AppError);
    expect(refuse).toThrow(/file name "res\\u0000ults\.json" holds a NUL/);
  });

  it("keeps a log with a NUL byte, the NUL read as U+FFFD like any damaged byte", () => {
    const log = utf8('time="t" level=info msg="check completed" check=HasLicense result=PASSED\n\u0000 damaged\n');
    const [run] = prepareUpload([
      { name: "results.json", bytes: RESULTS, role: "results" },
      { name: "preflight.log", bytes: log, role: "log" },
    ]);
    expect(run?.logText).toContain("\uFFFD damaged");
    expect(run?.logText).not.toContain("\u0000");
  });
});
