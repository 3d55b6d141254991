import { describe, expect, it } from "vitest";
import { assertMetricsAccess } from "./access";

const headers = (h: Record<string, string>) => new Headers(h);
const status = (run: () => void) => {
  try {
    run();
    return 200;
  } catch (error) {
    return (error as { status: number }).status;
  }
};

describe("who may read /api/metrics", () => {
  it("without a token: this machine only, and the refusal says how to open it", () => {
    expect(status(() => assertMetricsAccess(headers({ "x-certboard-peer": "127.0.0.1" }), {}))).toBe(200);
    expect(status(() => assertMetricsAccess(headers({ "x-certboard-peer": "::1" }), {}))).toBe(200);
    expect(status(() => assertMetricsAccess(headers({ "x-certboard-peer": "10.1.2.3" }), {}))).toBe(403);
    expect(status(() => assertMetricsAccess(headers({}), {}))).toBe(403);
    expect(() => assertMetricsAccess(headers({ "x-certboard-peer": "10.1.2.3" }), {})).toThrow(/CERTBOARD_METRICS_TOKEN/);
  });

  it("with a token: the bearer token from anywhere, loopback included only with it", () => {
    const env = { CERTBOARD_METRICS_TOKEN: "scrape-secret-123" };
    expect(status(() => assertMetricsAccess(headers({ "x-certboard-peer": "10.1.2.3", authorization: "Bearer scrape-secret-123" }), env))).toBe(200);
    expect(status(() => assertMetricsAccess(headers({ "x-certboard-peer": "10.1.2.3", authorization: "Bearer wrong" }), env))).toBe(403);
    expect(status(() => assertMetricsAccess(headers({ "x-certboard-peer": "127.0.0.1" }), env))).toBe(401);
  });
});
