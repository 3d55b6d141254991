import { describe, expect, it } from "vitest";
import { GIVE_UP_MS } from "./deliver/mutations";
import { RETRY } from "./worker";

// pg-boss waits retryDelay × 2^n × (1 + jitter∈[0,1)) before retry n+1 (its plans.js): the policy's
// bounds follow from the numbers alone.
describe("delivery retry policy", () => {
  const wait = (n: number, jitter: number) => RETRY.retryDelay * 2 ** n * (1 + jitter);

  it("tries again within 30 s of the first failure", () => {
    expect(RETRY.retryBackoff).toBe(true);
    expect(wait(0, 0.999)).toBeLessThanOrEqual(30);
  });

  it("keeps retrying for at least 24 hours, whatever the jitter (the first try after that gives up: GIVE_UP_MS)", () => {
    const lastRetryAtTheSoonest = Array.from({ length: RETRY.retryLimit }, (_, n) => wait(n, 0)).reduce((a, b) => a + b, 0);
    expect(lastRetryAtTheSoonest).toBeGreaterThanOrEqual(GIVE_UP_MS / 1000);
  });
});
