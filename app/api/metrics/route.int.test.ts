// GET /api/metrics through its route handler, over the real database: the Prometheus text format,
// who may read it, and the upload counter moving with uploads.
import { readFileSync } from "node:fs";
import path from "node:path";
import { NextRequest } from "next/server";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { GET } from "@/app/api/metrics/route";
import { POST as upload } from "@/app/api/v1/preflight/runs/route";
import { createToken, disconnectDb, TEST_ORIGIN } from "@/tests/auth";
import { productWithBacklog } from "@/tests/db";
import { BACKLOG_PATH, fixtureAvailable, SHARED_FIXTURES } from "@/tests/fixtures";

const RESULTS = path.join(SHARED_FIXTURES, "preflight", "container_1.12.1_multiarch_amd64_passed.results.json");
const hasFixtures = fixtureAvailable(RESULTS) && fixtureAvailable(BACKLOG_PATH);
const LOOPBACK = { "x-certboard-peer": "127.0.0.1" };

let uploader = "";
beforeAll(async () => {
  uploader = (await createToken("uploader")).token;
});
afterEach(() => {
  delete process.env.CERTBOARD_METRICS_TOKEN;
});
afterAll(disconnectDb);

async function scrape(headers: Record<string, string> = LOOPBACK) {
  const response = await GET(new NextRequest(`${TEST_ORIGIN}/api/metrics`, { headers }), { params: Promise.resolve({}) });
  return { status: response.status, type: response.headers.get("content-type"), text: await response.text() };
}

// One sample line of the text format: name, optional labels, a number (https://prometheus.io/docs/instrumenting/exposition_formats/).
const SAMPLE = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(\{(?:[a-zA-Z_][a-zA-Z0-9_]*="(?:[^"\\]|\\.)*",?)*\})? (-?[0-9.eE+-]+|NaN|[+-]Inf)$/;

/** Every sample of the text, failing on any line that is neither a sample nor a HELP/TYPE comment. */
function parse(text: string): { name: string; labels: string; value: number }[] {
  return text
    .split("\n")
    .filter((line) => line !== "")
    .flatMap((line) => {
      if (/^# (HELP|TYPE) [a-zA-Z_:][a-zA-Z0-9_:]* .+$/.test(line)) return [];
      const match = SAMPLE.exec(line);
      if (!match) throw new Error(`not a Prometheus text line: ${line}`);
      return [{ name: match[1]!, labels: match[2] ?? "", value: Number(match[3]) }];
    });
}

const value = (text: string, name: string, labels: string) => parse(text).find((s) => s.name === name && s.labels === labels)?.value;
const uploads = async (outcome: string) => value((await scrape()).text, "certboard_preflight_uploads_total", `{outcome="${outcome}"}`) ?? 0;

function sendUpload(query: string, body: string, contentType = "application/json") {
  const headers = new Headers({ authorization: `Bearer ${uploader}`, "content-type": contentType });
  return upload(new NextRequest(`${TEST_ORIGIN}/api/v1/preflight/runs?${query}`, { method: "POST", headers, body }), { params: Promise.resolve({}) });
}

describe("GET /api/metrics", () => {
  it("answers this machine in the Prometheus text format, with the pool and queue gauges", async () => {
    const reply = await scrape();
    expect(reply.status).toBe(200);
    expect(reply.type).toMatch(/^text\/plain; version=0\.0\.4/);
    const samples = parse(reply.text);
    const names = new Set(samples.map((s) => s.name));
    for (const name of ["certboard_db_pool_connections", "certboard_queue_depth", "certboard_preflight_uploads_total"]) expect(names).toContain(name);
    expect(reply.text).toContain("# TYPE certboard_preflight_uploads_total counter");
    expect(value(reply.text, "certboard_db_pool_connections", '{state="max"}')).toBeGreaterThan(0);
    const pool = (state: string) => value(reply.text, "certboard_db_pool_connections", `{state="${state}"}`);
    expect(pool("total")).toBeGreaterThanOrEqual(pool("idle")!);
    expect(value(reply.text, "certboard_queue_depth", '{queue="outbox"}')).toBeGreaterThanOrEqual(0);
  });

  it("refuses a peer elsewhere without a token (403, saying how to open it)", async () => {
    const reply = await scrape({ "x-certboard-peer": "203.0.113.9" });
    expect(reply.status).toBe(403);
    expect(JSON.parse(reply.text)).toMatchObject({ error: { code: "forbidden", message: expect.stringContaining("CERTBOARD_METRICS_TOKEN") } });
    expect((await scrape({})).status).toBe(403);
  });

  it("with CERTBOARD_METRICS_TOKEN set, answers the bearer of it from anywhere and nobody else", async () => {
    process.env.CERTBOARD_METRICS_TOKEN = "metrics-test-token-1";
    expect((await scrape({ "x-certboard-peer": "203.0.113.9", authorization: "Bearer metrics-test-token-1" })).status).toBe(200);
    expect((await scrape({ "x-certboard-peer": "203.0.113.9", authorization: "Bearer nope" })).status).toBe(403);
    expect((await scrape(LOOPBACK)).status).toBe(401);
  });

  it("counts a refused upload", async () => {
    const before = await uploads("refused");
    const response = await sendUpload("product=nothing-here", "x", "text/plain");
    expect(response.status).toBe(415);
    expect(await uploads("refused")).toBe(before + 1);
  });

  it.skipIf(!hasFixtures)("counts a stored upload as created and its repeat as duplicate", async () => {
    const product = await productWithBacklog("metrics");
    const body = readFileSync(RESULTS, "utf8");
    const [created, duplicate] = [await uploads("created"), await uploads("duplicate")];
    expect((await sendUpload(`product=${product}&arch=amd64`, body)).status).toBe(201);
    expect(await uploads("created")).toBe(created + 1);
    expect((await sendUpload(`product=${product}&arch=amd64`, body)).status).toBe(200);
    expect(await uploads("duplicate")).toBe(duplicate + 1);
    expect(await uploads("created")).toBe(created + 1);
  });
});
