import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { fakeImage, fakeObjectId, fakeProject, fakeTestResult, startFakePyxis, type FakePyxis } from "@/tests/fake-pyxis";
import { fetchImages, fetchProject, fetchSnapshot, fetchTestResults, PyxisError, retryDelayMs, testConnection, type PyxisClient } from "./fetch";

const KEY = "sekrit-pyxis-key-0123456789";
let fake: FakePyxis;
let client: PyxisClient;
const errors: PyxisError[] = [];

async function failure(promise: Promise<unknown>): Promise<PyxisError> {
  const error = await promise.then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(PyxisError);
  errors.push(error as PyxisError);
  return error as PyxisError;
}

function projectWith(images = 0, testResults = 0): string {
  const id = fakeObjectId();
  fake.setProject(id, {
    project: fakeProject(id, { certification_status: "Published" }),
    images: Array.from({ length: images }, (_, i) => fakeImage({ id: `${id.slice(0, 20)}000${i}`, tags: [`1.0.${i}`] })),
    testResults: Array.from({ length: testResults }, () => fakeTestResult({ projectId: id, failedChecks: ["HasLicense"] })),
  });
  return id;
}

const requestsFor = (id: string) => fake.requests.filter((r) => r.path.includes(id));

beforeAll(async () => {
  fake = await startFakePyxis({ apiKey: KEY });
  client = { url: fake.url, apiKey: KEY, backoffMs: 5, retries: 2, timeoutMs: 2_000 };
});
afterAll(() => fake.close());

describe("reading a project", () => {
  it("pages through images: page_size 2, 5 images, pages 0, 1 and 2", async () => {
    const id = projectWith(5);
    const images = await fetchImages({ ...client, pageSize: 2 }, id);
    expect(images.map((image) => image.repositories[0]?.tags[0]?.name)).toEqual(["1.0.0", "1.0.1", "1.0.2", "1.0.3", "1.0.4"]);
    expect(requestsFor(id).map((r) => r.query)).toEqual([
      { page_size: "2", page: "0" },
      { page_size: "2", page: "1" },
      { page_size: "2", page: "2" },
    ]);
  });

  it("reads a snapshot: project, images and test results, without fields it does not read", async () => {
    const id = projectWith(3, 2);
    const now = new Date("2025-06-01T12:00:00Z");
    const snapshot = await fetchSnapshot(client, id, now);
    expect(snapshot.projectId).toBe(id);
    expect(snapshot.fetchedAt).toBe("2025-06-01T12:00:00.000Z");
    expect(snapshot.project.certification_status).toBe("Published");
    expect(snapshot.images).toHaveLength(3);
    expect(snapshot.testResults.map((r) => [r.passed, r.results?.failed])).toEqual([
      [false, [{ name: "HasLicense" }]],
      [false, [{ name: "HasLicense" }]],
    ]);
    expect(JSON.stringify(snapshot)).not.toContain("docker_config_json");
    expect(requestsFor(id).map((r) => r.path.slice(r.path.indexOf(id) + id.length))).toEqual(["", "/images", "/test-results"]);
  });
});

describe("a server that lies about the total", () => {
  it("is read until an empty page, or refused past 100 pages", async () => {
    let requests = 0;
    const { url, close } = await new Promise<{ url: string; close: () => void }>((resolve) => {
      const server = createServer((req, res) => {
        requests++;
        const endless = req.url?.includes("/endless/");
        res.end(JSON.stringify({ data: endless ? [{ passed: true }] : [], page: 0, page_size: 1, total: 1_000_000 }));
      });
      server.listen(0, "127.0.0.1", () => resolve({ url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, close: () => server.close() }));
    });
    try {
      expect(await fetchImages({ ...client, url }, "empty")).toEqual([]);
      requests = 0;
      const error = await failure(fetchTestResults({ ...client, url }, "endless"));
      expect([error.kind, error.message]).toEqual([
        "malformed",
        "Red Hat's catalog kept sending pages of the project's test results past 100 pages (100 items); gave up.",
      ]);
      expect(requests).toBe(100);
    } finally {
      close();
    }
  });
});

describe("failures an admin sees", () => {
  it("401: refused, not retried", async () => {
    const id = projectWith();
    const before = fake.requests.length;
    const error = await failure(fetchProject({ ...client, apiKey: "wrong-key-value" }, id));
    expect([error.kind, error.status, error.message]).toEqual(["refused", 401, "Red Hat's catalog refused the API key (HTTP 401)."]);
    expect(fake.requests.length - before).toBe(1);
  });

  it("404: names the project id", async () => {
    const error = await failure(fetchProject(client, "5e98745a6c5dcb34dfbb1a0a"));
    expect([error.kind, error.status, error.message]).toEqual([
      "not_found",
      404,
      'Red Hat\'s catalog has no certification project "5e98745a6c5dcb34dfbb1a0a" (HTTP 404).',
    ]);
  });

  it("429 twice, then an answer: retried and read (3 requests)", async () => {
    const id = projectWith();
    fake.script(id, { status: 429, times: 2, retryAfter: 0 });
    expect((await fetchProject(client, id))._id).toBe(id);
    expect(requestsFor(id)).toHaveLength(3);
  });

  it("500 past the retry budget: unavailable after retries + 1 requests", async () => {
    const id = projectWith();
    fake.script(id, { status: 500, times: 10 });
    const error = await failure(fetchProject(client, id));
    expect([error.kind, error.status, error.message]).toEqual(["unavailable", 500, "Red Hat's catalog answered HTTP 500 3 times in a row; gave up."]);
    expect(requestsFor(id)).toHaveLength(3);
  });

  it("no answer in time: timeout, naming the host, after one retry at most", async () => {
    const id = projectWith();
    fake.script(id, { delayMs: 1_000, times: 5 });
    const error = await failure(fetchProject({ ...client, timeoutMs: 200, retries: 4 }, id));
    expect([error.kind, error.status]).toEqual(["timeout", null]);
    expect(error.message).toBe(`Red Hat's catalog did not answer within 0.2 s (${new URL(fake.url).host}).`);
    expect(requestsFor(id)).toHaveLength(2);
  });

  it("broken JSON, or JSON of another shape: malformed, saying what and where", async () => {
    const id = projectWith(1);
    fake.script(id, { malformed: true });
    const broken = await failure(fetchImages(client, id));
    expect([broken.kind, broken.message]).toEqual([
      "malformed",
      "Red Hat's catalog answered with something that is not the expected JSON for the project's images (page 0) (not JSON).",
    ]);
    const other = projectWith();
    fake.setProject(other, { project: fakeProject(other, { certification_status: 42 }) });
    const shape = await failure(fetchProject(client, other));
    expect(shape.kind).toBe("malformed");
    expect(shape.message).toMatch(/^Red Hat's catalog answered with something that is not the expected JSON for the certification project \(certification_status: .+\)\.$/);
  });

  it("nothing listening: unreachable, naming the host", async () => {
    const closed = await startFakePyxis();
    await closed.close();
    const error = await failure(fetchProject({ ...client, url: closed.url }, "abc"));
    const host = new URL(closed.url).host;
    expect([error.kind, error.message]).toEqual(["unreachable", `Red Hat's catalog could not be reached: ${host} refused the connection (ECONNREFUSED).`]);
  });

  it("cuts the key out of any message, even an id that holds it", async () => {
    const error = await failure(fetchProject(client, KEY));
    expect(error.message).toBe('Red Hat\'s catalog has no certification project "[API key]" (HTTP 404).');
  });

  it("never shows the API key, and sent it with every request", () => {
    expect(errors.length).toBeGreaterThanOrEqual(8);
    for (const error of errors) {
      for (const text of [error.message, String(error), JSON.stringify(error), error.stack ?? ""]) expect(text).not.toContain(KEY);
    }
    expect(fake.requests.length).toBeGreaterThan(10);
    const sent = new Set(fake.requests.map((r) => r.apiKey));
    // The refused test's wrong key is the one other value.
    expect([...sent].sort()).toEqual([KEY, "wrong-key-value"]);
  });
});

describe("testConnection", () => {
  let other: { url: string; close: () => Promise<void> } | null = null;
  afterEach(async () => {
    await other?.close();
    other = null;
  });

  it("with a project id, reads that project", async () => {
    const id = projectWith();
    expect((await testConnection(client, id))?._id).toBe(id);
  });

  it("without one, takes Pyxis's 404 for a project that cannot exist as an accepted key", async () => {
    expect(await testConnection(client, null)).toBeNull();
    expect(fake.requests.at(-1)?.path).toBe("/v1/projects/certification/id/000000000000000000000000");
    const refused = await failure(testConnection({ ...client, apiKey: "wrong-key-value" }, null));
    expect(refused.kind).toBe("refused");
  });

  it("refuses a 404 that is not Pyxis's JSON, and a redirect", async () => {
    other = await new Promise((resolve) => {
      const server = createServer((req, res) => {
        if (req.url?.startsWith("/moved")) res.writeHead(301, { location: "https://elsewhere.example/api" }).end();
        else res.writeHead(404, { "content-type": "text/html" }).end("<html>Not found</html>");
      });
      server.listen(0, "127.0.0.1", () => {
        const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
        resolve({ url, close: () => new Promise<void>((done) => server.close(() => done())) });
      });
    });
    const html = await failure(testConnection({ ...client, url: other!.url }, null));
    expect([html.kind, html.message]).toEqual(["malformed", "Red Hat's catalog answered HTTP 404 without its usual JSON for a project lookup: check the catalog URL."]);
    const moved = await failure(testConnection({ ...client, url: `${other!.url}/moved` }, null));
    expect([moved.kind, moved.status, moved.message]).toEqual([
      "unavailable",
      301,
      "Red Hat's catalog answered HTTP 301 (a redirect to https://elsewhere.example) for a project lookup: check the catalog URL.",
    ]);
  });
});

describe("retryDelayMs", () => {
  it("honours Retry-After in seconds or as a date, at most 30 s", () => {
    const now = Date.parse("2025-06-01T12:00:00Z");
    expect(retryDelayMs(0, 500, "3", now)).toBe(3_000);
    expect(retryDelayMs(0, 500, "3600", now)).toBe(30_000);
    expect(retryDelayMs(0, 500, "Sun, 01 Jun 2025 12:00:10 GMT", now)).toBe(10_000);
    expect(retryDelayMs(0, 500, "Sun, 01 Jun 2025 11:00:00 GMT", now)).toBe(0);
  });

  it("otherwise doubles from the first wait, with up to 25 % jitter", () => {
    for (const [attempt, base] of [[0, 500], [1, 1_000], [3, 4_000]] as const) {
      const wait = retryDelayMs(attempt, 500, null);
      expect(wait).toBeGreaterThanOrEqual(base);
      expect(wait).toBeLessThanOrEqual(base * 1.25);
    }
    expect(retryDelayMs(10, 500, "soon")).toBe(30_000);
  });
});
