import fc from "fast-check";
import { describe, expect, it } from "vitest";

import { parseCertImageJson } from "./parse-cert-image";
import { PreflightParseError } from "./parse-error";
import { parsePreflightLog } from "./parse-log";
import { parseResultsJson } from "./parse-results";
import { certImageSchema, parsedLogSchema, parsedRunSchema, type ParsedRun } from "./schema";
import { CONTAINER_CHECKS, FIXTURE, concatBytes, entry, hasPreflightFixtures, jsonBytes, readPreflightFixture, resultsDocument, utf8 } from "./test-support";

// Property: for any bytes, the readers either return output that satisfies the published schema
// or throw PreflightParseError for a reason other than "internal" (which would be our bug).
// fast-check generates the inputs from a fixed seed, so a run is reproducible; a failure prints
// the seed, the path and the shrunk counterexample (replay with `{ seed, path }` in fc.assert).
const SEED = 20_261_123;
const params = (numRuns: number) => ({ seed: SEED, numRuns });

function expectTypedOrValid(read: () => unknown, validate: (value: unknown) => void): void {
  let output: unknown;
  try {
    output = read();
  } catch (error) {
    if (!(error instanceof PreflightParseError)) throw error;
    expect(error.reason, error.message).not.toBe("internal");
    return;
  }
  validate(output);
}

const validRuns = (value: unknown) => {
  for (const run of value as unknown[]) parsedRunSchema.parse(run);
};

// ---- Arbitraries ---------------------------------------------------------------------------

// Bytes that move the JSON scanner between its states, plus UTF-8 edge cases (BOM, overlong and
// surrogate lead bytes, lone continuation bytes).
const ALPHABET = [...utf8('{}[]":,\\ \n\r\t0123456789-+.eEtrufalsn"u abcXYZ\uFEFF\u00e9\u20ac'), 0x00, 0x80, 0xbf, 0xc0, 0xed, 0xf4, 0xff];
const scannerByte = fc.oneof({ weight: 9, arbitrary: fc.constantFrom(...ALPHABET) }, { weight: 1, arbitrary: fc.integer({ min: 0, max: 255 }) });
const scannerBytes = (maxLength: number) => fc.array(scannerByte, { maxLength }).map((bytes) => Uint8Array.from(bytes));

/** One edit of a byte string; positions are fractions so they apply to any length. */
type ByteEdit = { op: "set" | "delete" | "insert" | "truncate" | "repeat"; at: number; length: number; byte: number; insert: Uint8Array };
const byteEdit: fc.Arbitrary<ByteEdit> = fc.record({
  op: fc.constantFrom("set", "delete", "insert", "truncate", "repeat"),
  at: fc.double({ min: 0, max: 1, noNaN: true }),
  length: fc.integer({ min: 1, max: 40 }),
  byte: fc.integer({ min: 0, max: 255 }),
  insert: scannerBytes(20),
});

function applyEdit(bytes: Uint8Array, edit: ByteEdit): Uint8Array {
  const at = Math.min(bytes.length, Math.floor(edit.at * (bytes.length + 1)));
  switch (edit.op) {
    case "set": {
      if (bytes.length === 0) return bytes;
      const copy = bytes.slice();
      copy[Math.min(at, bytes.length - 1)] = edit.byte;
      return copy;
    }
    case "delete":
      return concatBytes(bytes.subarray(0, at), bytes.subarray(at + edit.length));
    case "insert":
      return concatBytes(bytes.subarray(0, at), edit.insert, bytes.subarray(at));
    case "truncate":
      return bytes.subarray(0, at);
    case "repeat":
      return concatBytes(bytes, bytes.subarray(at));
  }
}

const WEIRD_VALUES: unknown[] = [null, true, 0, -1, 1.5, 1e308, 2 ** 31, "", "x", "1m2s", "3.5s", "-5s", "0", [], {}, [null], { name: 1 }, "constructor", "__proto__"];
const weirdValue = fc.oneof(fc.constantFrom(...WEIRD_VALUES), fc.jsonValue({ maxDepth: 2 }));

/** Replaces (or deletes) one value in a parsed document, walking down by the given choices: exercises the lenient paths. */
type ValueEdit = { choices: number[]; replacement: unknown; remove: boolean };
const valueEdit: fc.Arbitrary<ValueEdit> = fc.record({
  choices: fc.array(fc.nat(), { minLength: 1, maxLength: 6 }),
  replacement: weirdValue,
  remove: fc.boolean(),
});

function applyValueEdit(value: unknown, { choices, replacement, remove }: ValueEdit, depth = 0): unknown {
  const choice = choices[depth];
  if (choice === undefined || value === null || typeof value !== "object") return replacement;
  const copy: Record<string, unknown> = Array.isArray(value) ? ([...value] as unknown as Record<string, unknown>) : { ...(value as Record<string, unknown>) };
  const keys = Object.keys(copy);
  if (keys.length === 0) return replacement;
  const key = keys[choice % keys.length]!;
  if (remove && depth === choices.length - 1) delete copy[key];
  else copy[key] = applyValueEdit(copy[key], { choices, replacement, remove }, depth + 1);
  return copy;
}

const seeds: Uint8Array[] = [
  jsonBytes(resultsDocument({ passed: CONTAINER_CHECKS.map((name) => entry(name)), failed: [entry("HasLicense", { help: "h" })] })),
  ...(hasPreflightFixtures ? [FIXTURE.failed116, FIXTURE.operator105, FIXTURE.beta3Dev, FIXTURE.notGenuine].map(readPreflightFixture) : []),
];
const seedDocuments = seeds.map((bytes) => JSON.parse(new TextDecoder().decode(bytes)) as unknown);

/** Text a check could carry: any Unicode, quotes, backslashes, control characters, markup. */
const anyText = fc.oneof(
  fc.string({ unit: "binary", maxLength: 60 }).filter((text) => !text.includes("\u0000")),
  fc.constantFrom("<script>window.__xss=1</script>", '"><svg onload=alert(1)>', "javascript:alert(1)", "'; DROP TABLE \"CheckResult\"; --", "$(reboot)", "\\u0000 as text", "\t\n\r\b\f"),
);
/** Names the catalogue does not know (prefixed, so never a real check or a renamed one). */
const unknownName = fc.stringMatching(/^[A-Za-z0-9]{1,20}$/).map((name) => `Zz${name}`);

type GeneratedEntry = { name: string; bucket: "passed" | "failed" | "errors"; description: string; help: string };
const generatedEntries = fc
  .uniqueArray(fc.oneof(fc.constantFrom(...CONTAINER_CHECKS), unknownName), { maxLength: 12 })
  .chain((names) =>
    fc.tuple(...names.map((name) => fc.record({ name: fc.constant(name), bucket: fc.constantFrom("passed", "failed", "errors"), description: anyText, help: anyText }))),
  )
  .map((entries) => entries as GeneratedEntry[]);

describe("the readers on random input", { timeout: 60_000 }, () => {
  it("parseResultsJson: random byte strings", () => {
    fc.assert(
      fc.property(scannerBytes(300), (bytes) => expectTypedOrValid(() => parseResultsJson(bytes), validRuns)),
      params(2000),
    );
  });

  it("parseResultsJson: byte mutations of real documents", () => {
    fc.assert(
      fc.property(fc.constantFrom(...seeds), fc.array(byteEdit, { minLength: 1, maxLength: 4 }), (source, edits) => {
        const bytes = edits.reduce(applyEdit, source);
        expectTypedOrValid(() => parseResultsJson(bytes), validRuns);
      }),
      params(1000),
    );
  });

  it("parseResultsJson: value mutations of real documents always parse or are refused as not preflight", () => {
    let accepted = 0;
    let runs = 0;
    fc.assert(
      fc.property(fc.constantFrom(...seedDocuments), valueEdit, (document, edit) => {
        runs += 1;
        const bytes = jsonBytes(applyValueEdit(document, edit));
        expectTypedOrValid(
          () => parseResultsJson(bytes),
          (value) => {
            validRuns(value);
            accepted += 1;
          },
        );
      }),
      params(1000),
    );
    // Most single-value mutations keep a document recognizable: leniency, not refusal.
    expect(accepted).toBeGreaterThan(runs / 2);
  });

  it("parseResultsJson: generated results documents are read with every check and its text exactly as written", () => {
    fc.assert(
      fc.property(generatedEntries, anyText, (entries, image) => {
        const bucket = (name: GeneratedEntry["bucket"]) =>
          entries.filter((e) => e.bucket === name).map((e) => ({ name: e.name, elapsed_time: 0, description: e.description, help: e.help }));
        const bytes = jsonBytes(resultsDocument({ passed: bucket("passed"), failed: bucket("failed"), errors: bucket("errors") }, { image }));
        const [run, ...rest] = parseResultsJson(bytes) as [ParsedRun, ...ParsedRun[]];
        expect(rest).toEqual([]);
        parsedRunSchema.parse(run);
        expect(run.checks.map((c) => c.name).sort()).toEqual(entries.map((e) => e.name).sort());
        for (const e of entries) {
          const check = run.checks.find((c) => c.name === e.name)!;
          expect(check.outcome).toBe({ passed: "passed", failed: "failed", errors: "errored" }[e.bucket]);
          expect([check.description, check.help]).toEqual([e.description, e.help]);
        }
        expect(run.passed).toBe(entries.length > 0 && entries.every((e) => e.bucket === "passed"));
      }),
      params(300),
    );
  });

  it("parseResultsJson: NUL and unpaired surrogate escapes are refused as invalid_encoding, with their offset; a pair is read", () => {
    fc.assert(
      fc.property(fc.constantFrom("\\u0000", "\\ud800", "\\udfff", "\\uDBFFx", "\\ud800\\u0041"), fc.string({ maxLength: 10 }), (escape, around) => {
        const text = JSON.stringify(resultsDocument({ passed: [entry("HasLicense", { description: "DESC" })] })).replace("DESC", `${JSON.stringify(around).slice(1, -1)}${escape}`);
        try {
          parseResultsJson(utf8(text));
          expect.unreachable("accepted an unstorable escape");
        } catch (error) {
          if (!(error instanceof PreflightParseError)) throw error;
          expect(error.reason).toBe("invalid_encoding");
          expect(text.slice(error.offset!, error.offset! + 2)).toBe("\\u");
        }
      }),
      params(50),
    );
    // A well-formed escaped pair is one character, kept as written.
    const pair = JSON.stringify(resultsDocument({ passed: [entry("HasLicense", { description: "DESC" })] })).replace("DESC", "\\ud83d\\ude00");
    expect(parseResultsJson(utf8(pair))[0]?.checks[0]?.description).toBe("\u{1F600}");
  });

  it("parseCertImageJson and parsePreflightLog: random and mutated bytes", () => {
    const certImage = hasPreflightFixtures ? readPreflightFixture(FIXTURE.failed116CertImage) : utf8('{"architecture":"amd64","docker_image_digest":"sha256:00"}');
    const log = hasPreflightFixtures ? readPreflightFixture(FIXTURE.failed116Log) : utf8('time="t" level=info msg="check completed" check=HasLicense result=PASSED\n');
    const input = (source: Uint8Array) =>
      fc.oneof(scannerBytes(300), fc.array(byteEdit, { minLength: 1, maxLength: 4 }).map((edits) => edits.reduce(applyEdit, source)));
    fc.assert(
      fc.property(input(certImage), input(log), (certBytes, logBytes) => {
        expectTypedOrValid(() => parseCertImageJson(certBytes), (value) => certImageSchema.parse(value));
        expectTypedOrValid(() => parsePreflightLog(logBytes), (value) => parsedLogSchema.parse(value));
      }),
      params(500),
    );
  });
});
