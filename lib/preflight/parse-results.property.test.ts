import { describe, expect, it } from "vitest";

import { parseCertImageJson } from "./parse-cert-image";
import { PreflightParseError } from "./parse-error";
import { parsePreflightLog } from "./parse-log";
import { parseResultsJson } from "./parse-results";
import { certImageSchema, parsedLogSchema, parsedRunSchema } from "./schema";
import { CONTAINER_CHECKS, FIXTURE, entry, hasPreflightFixtures, jsonBytes, readPreflightFixture, resultsDocument, utf8 } from "./test-support";

// Property: for any bytes, the readers either return output that satisfies the published schema
// or throw PreflightParseError for a reason other than "internal" (which would be our bug).
// A fixed-seed generator keeps failures reproducible; the seed is in the failure message.

type Random = () => number;

/** mulberry32: small, fast and good enough to explore inputs. */
function seeded(seed: number): Random {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const int = (random: Random, max: number) => Math.floor(random() * max);
const pick = <T,>(random: Random, items: readonly T[]): T => items[int(random, items.length)] as T;

// Bytes that move the JSON scanner between its states, plus UTF-8 edge cases.
const ALPHABET = [...utf8('{}[]":,\\ \n\r\t0123456789-+.eEtrufalsn"u abcXYZ\uFEFF\u00e9\u20ac'), 0x00, 0x80, 0xbf, 0xc0, 0xed, 0xf4, 0xff];

function randomBytes(random: Random): Uint8Array {
  return Uint8Array.from({ length: int(random, 300) }, () => (random() < 0.9 ? pick(random, ALPHABET) : int(random, 256)));
}

function mutateBytes(random: Random, source: Uint8Array): Uint8Array {
  let bytes = Uint8Array.from(source);
  for (let n = 1 + int(random, 4); n > 0; n -= 1) {
    const at = int(random, bytes.length + 1);
    const op = int(random, 5);
    if (op === 0 && bytes.length) bytes[Math.min(at, bytes.length - 1)] = int(random, 256);
    else if (op === 1) bytes = Uint8Array.from([...bytes.subarray(0, at), ...bytes.subarray(at + 1 + int(random, 40))]);
    else if (op === 2) bytes = Uint8Array.from([...bytes.subarray(0, at), ...randomBytes(random).subarray(0, 20), ...bytes.subarray(at)]);
    else if (op === 3) bytes = bytes.subarray(0, at);
    else bytes = Uint8Array.from([...bytes, ...bytes.subarray(at)]);
  }
  return bytes;
}

const WEIRD_VALUES: unknown[] = [null, true, 0, -1, 1.5, 1e308, 2 ** 31, "", "x", "1m2s", "3.5s", "-5s", "0", [], {}, [null], { name: 1 }, "constructor", "__proto__"];

/** Replaces one random value in a parsed document with a weird one: exercises the lenient paths. */
function mutateValue(random: Random, value: unknown): unknown {
  if (random() < 0.15 || value === null || typeof value !== "object") return pick(random, WEIRD_VALUES);
  const copy: Record<string, unknown> | unknown[] = Array.isArray(value) ? [...value] : { ...(value as Record<string, unknown>) };
  const keys = Object.keys(copy);
  if (keys.length === 0) return pick(random, WEIRD_VALUES);
  const key = pick(random, keys);
  const slot = copy as Record<string, unknown>;
  if (random() < 0.1) delete slot[key];
  else slot[key] = mutateValue(random, slot[key]);
  return copy;
}

function expectTypedOrValid(read: () => unknown, validate: (value: unknown) => void, seed: number): void {
  let output: unknown;
  try {
    output = read();
  } catch (error) {
    if (!(error instanceof PreflightParseError)) throw new Error(`seed ${seed}: threw ${String(error)}`);
    expect(error.reason, `seed ${seed}: ${error.message}`).not.toBe("internal");
    return;
  }
  validate(output);
}

const validRuns = (value: unknown) => {
  for (const run of value as unknown[]) parsedRunSchema.parse(run);
};

const seeds: Uint8Array[] = [
  jsonBytes(resultsDocument({ passed: CONTAINER_CHECKS.map((name) => entry(name)), failed: [entry("HasLicense", { help: "h" })] })),
  ...(hasPreflightFixtures ? [FIXTURE.failed116, FIXTURE.operator105, FIXTURE.beta3Dev, FIXTURE.notGenuine].map(readPreflightFixture) : []),
];

describe("the readers on random input", { timeout: 60_000 }, () => {
  it("parseResultsJson: random byte strings", () => {
    for (let seed = 1; seed <= 2000; seed += 1) {
      const bytes = randomBytes(seeded(seed));
      expectTypedOrValid(() => parseResultsJson(bytes), validRuns, seed);
    }
  });

  it("parseResultsJson: byte mutations of real documents", () => {
    for (let seed = 1; seed <= 2000; seed += 1) {
      const random = seeded(seed);
      const bytes = mutateBytes(random, pick(random, seeds));
      expectTypedOrValid(() => parseResultsJson(bytes), validRuns, seed);
    }
  });

  it("parseResultsJson: value mutations of real documents always parse or are refused as not preflight", () => {
    const documents = seeds.map((bytes) => JSON.parse(new TextDecoder().decode(bytes)) as unknown);
    let accepted = 0;
    for (let seed = 1; seed <= 2000; seed += 1) {
      const random = seeded(seed);
      const bytes = jsonBytes(mutateValue(random, pick(random, documents)));
      expectTypedOrValid(() => parseResultsJson(bytes), (runs) => {
        validRuns(runs);
        accepted += 1;
      }, seed);
    }
    // Most single-value mutations keep a document recognizable: leniency, not refusal.
    expect(accepted).toBeGreaterThan(1000);
  });

  it("parseCertImageJson and parsePreflightLog: random and mutated bytes", () => {
    const certImage = hasPreflightFixtures ? readPreflightFixture(FIXTURE.failed116CertImage) : utf8('{"architecture":"amd64","docker_image_digest":"sha256:00"}');
    const log = hasPreflightFixtures ? readPreflightFixture(FIXTURE.failed116Log) : utf8('time="t" level=info msg="check completed" check=HasLicense result=PASSED\n');
    for (let seed = 1; seed <= 1000; seed += 1) {
      const random = seeded(seed);
      const bytes = random() < 0.5 ? randomBytes(random) : mutateBytes(random, certImage);
      expectTypedOrValid(() => parseCertImageJson(bytes), (value) => certImageSchema.parse(value), seed);
      const logBytes = random() < 0.5 ? randomBytes(random) : mutateBytes(random, log);
      expectTypedOrValid(() => parsePreflightLog(logBytes), (value) => parsedLogSchema.parse(value), seed);
    }
  });
});
