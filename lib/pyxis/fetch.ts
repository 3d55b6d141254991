import "server-only";
import type { z } from "zod";
import {
  pyxisImageSchema,
  pyxisPageSchema,
  pyxisProjectSchema,
  pyxisTestResultSchema,
  type PyxisImage,
  type PyxisProject,
  type PyxisSnapshot,
  type PyxisTestResult,
} from "./schema";

// The HTTP client for Red Hat's catalog API (Pyxis). Every failure becomes a PyxisError whose message
// can be shown to an admin as is; no message ever contains the API key.

export type PyxisErrorKind = "refused" | "not_found" | "timeout" | "unavailable" | "malformed" | "unreachable";

export class PyxisError extends Error {
  readonly kind: PyxisErrorKind;
  /** The catalog's HTTP status, when it answered at all. */
  readonly status: number | null;

  constructor(kind: PyxisErrorKind, message: string, status: number | null = null) {
    super(message);
    this.name = "PyxisError";
    this.kind = kind;
    this.status = status;
  }
}

export type PyxisClient = {
  /** Base URL without trailing slash, e.g. https://catalog.redhat.com/api/containers. */
  url: string;
  apiKey: string;
  /** Per try; default 15000. */
  timeoutMs?: number;
  /** Extra tries after a 429 or 5xx; default 4. */
  retries?: number;
  /** First wait before a retry, doubling each time, with jitter; default 500. */
  backoffMs?: number;
  /** Items per page of a list; default 100. */
  pageSize?: number;
};

const DEFAULTS = { timeoutMs: 15_000, retries: 4, backoffMs: 500, pageSize: 100 };
const MAX_WAIT_MS = 30_000;
/** A server that keeps saying "more" past this many pages is not to be believed. */
const MAX_PAGES = 100;
/** testConnection's probe: a well-formed id no project has. */
const PROBE_PROJECT_ID = "000000000000000000000000";

export async function fetchProject(client: PyxisClient, id: string): Promise<PyxisProject> {
  const { status, body } = await send(client, projectPath(id), {}, "the certification project");
  if (status !== 200) throw answerError(client, status, id, "the certification project");
  return parse(client, pyxisProjectSchema, body, "the certification project");
}

export function fetchImages(client: PyxisClient, id: string): Promise<PyxisImage[]> {
  return fetchAll(client, `${projectPath(id)}/images`, id, pyxisImageSchema, "the project's images");
}

export function fetchTestResults(client: PyxisClient, id: string): Promise<PyxisTestResult[]> {
  return fetchAll(client, `${projectPath(id)}/test-results`, id, pyxisTestResultSchema, "the project's test results");
}

/** Everything one project's sync reads; one request at a time, to be gentle with the catalog's rate limit. */
export async function fetchSnapshot(client: PyxisClient, id: string, now = new Date()): Promise<PyxisSnapshot> {
  const project = await fetchProject(client, id);
  const images = await fetchImages(client, id);
  const testResults = await fetchTestResults(client, id);
  return { projectId: id, fetchedAt: now.toISOString(), project, images, testResults };
}

/**
 * Checks the URL and the key. With a project id, reads that project and returns it. Without one there
 * is nothing of the admin's to read, so it asks for a project that cannot exist. Pyxis refuses a bad
 * key (401/403) before it looks a project up, so its JSON 404 means the key was accepted. A 404 that
 * is not Pyxis's JSON (a wrong path on some other web server) is reported as malformed, not success.
 */
export async function testConnection(client: PyxisClient, projectId: string | null): Promise<PyxisProject | null> {
  if (projectId !== null) return fetchProject(client, projectId);
  const what = "a project lookup";
  const { status, body } = await send(client, projectPath(PROBE_PROJECT_ID), {}, what);
  if (status === 404) {
    if (typeof body === "object" && body !== null && (body as { status?: unknown }).status === 404) return null;
    throw fail(client, "malformed", `Red Hat's catalog answered HTTP 404 without its usual JSON for ${what}: check the catalog URL.`, 404);
  }
  if (status !== 200) throw answerError(client, status, PROBE_PROJECT_ID, what);
  parse(client, pyxisProjectSchema, body, what);
  return null;
}

async function fetchAll<T extends z.ZodType>(client: PyxisClient, path: string, id: string, item: T, what: string): Promise<z.output<T>[]> {
  const pageSize = client.pageSize ?? DEFAULTS.pageSize;
  const schema = pyxisPageSchema(item);
  const collected: z.output<T>[] = [];
  for (let page = 0; page < MAX_PAGES; page++) {
    const pageWhat = `${what} (page ${page})`;
    const { status, body } = await send(client, path, { page_size: String(pageSize), page: String(page) }, pageWhat);
    if (status !== 200) throw answerError(client, status, id, pageWhat);
    const answer = parse(client, schema, body, pageWhat);
    collected.push(...answer.data);
    if (answer.data.length === 0 || collected.length >= answer.total) return collected;
  }
  throw fail(client, "malformed", `Red Hat's catalog kept sending pages of ${what} past ${MAX_PAGES} pages (${collected.length} items); gave up.`, 200);
}

type Answer = { status: number; body: unknown };

/**
 * One GET with retries. Answers 2xx and 4xx (except 429) are returned for the caller to judge;
 * 429 and 5xx are retried with backoff. A timeout is retried once at most, within the same budget:
 * each one already cost timeoutMs, and a catalog silent twice in a row is down, not busy.
 * Connection refused and unknown host are configuration faults and fail at once.
 */
async function send(client: PyxisClient, path: string, query: Record<string, string>, what: string): Promise<Answer> {
  const retries = client.retries ?? DEFAULTS.retries;
  const timeoutMs = client.timeoutMs ?? DEFAULTS.timeoutMs;
  const url = new URL(client.url.replace(/\/+$/, "") + path);
  for (const [name, value] of Object.entries(query)) url.searchParams.set(name, value);
  const failedStatuses: number[] = [];
  let timeouts = 0;
  for (let attempt = 0; ; attempt++) {
    let retryAfter: string | null = null;
    try {
      const response = await fetch(url, {
        headers: { "X-API-KEY": client.apiKey, Accept: "application/json", "User-Agent": "Certboard-Pyxis/1" },
        // A redirect would carry the key to wherever it points; report it instead.
        redirect: "manual",
        signal: AbortSignal.timeout(timeoutMs),
      });
      const text = await response.text();
      if (response.status === 429 || response.status >= 500) {
        failedStatuses.push(response.status);
        retryAfter = response.headers.get("retry-after");
      } else if (response.status >= 300 && response.status < 400) {
        const target = response.headers.get("location");
        const where = target && URL.canParse(target, url) ? ` to ${new URL(target, url).origin}` : "";
        throw fail(client, "unavailable", `Red Hat's catalog answered HTTP ${response.status} (a redirect${where}) for ${what}: check the catalog URL.`, response.status);
      } else {
        return { status: response.status, body: parseJson(client, text, response.status, what) };
      }
    } catch (error) {
      if (error instanceof PyxisError) throw error;
      if (isTimeout(error)) {
        timeouts++;
        if (timeouts > 1 || attempt >= retries) {
          throw fail(client, "timeout", `Red Hat's catalog did not answer within ${seconds(timeoutMs)} s (${url.host}).`);
        }
      } else {
        const code = networkCode(error);
        if (code === "ENOTFOUND" || code === "ECONNREFUSED" || attempt >= retries || isTlsCode(code)) throw unreachable(client, url.host, code);
      }
    }
    if (attempt >= retries) {
      const statuses = [...new Set(failedStatuses)].join("/");
      const times = failedStatuses.length === 1 ? "once" : `${failedStatuses.length} times in a row`;
      throw fail(client, "unavailable", `Red Hat's catalog answered HTTP ${statuses} ${times}; gave up.`, failedStatuses.at(-1) ?? null);
    }
    await new Promise((resolve) => setTimeout(resolve, retryDelayMs(attempt, client.backoffMs ?? DEFAULTS.backoffMs, retryAfter)));
  }
}

/** Wait before retry `attempt + 1`: Retry-After (seconds or HTTP date) when given, else backoff doubling with up to 25 % jitter; at most 30 s. */
export function retryDelayMs(attempt: number, backoffMs: number, retryAfter: string | null, now = Date.now()): number {
  if (retryAfter !== null) {
    const trimmed = retryAfter.trim();
    const asked = /^\d+$/.test(trimmed) ? Number(trimmed) * 1000 : Date.parse(trimmed) - now;
    if (!Number.isNaN(asked)) return Math.min(Math.max(asked, 0), MAX_WAIT_MS);
  }
  const base = backoffMs * 2 ** attempt;
  return Math.min(base + Math.random() * base * 0.25, MAX_WAIT_MS);
}

function answerError(client: PyxisClient, status: number, id: string, what: string): PyxisError {
  if (status === 401 || status === 403) return fail(client, "refused", `Red Hat's catalog refused the API key (HTTP ${status}).`, status);
  if (status === 404) return fail(client, "not_found", `Red Hat's catalog has no certification project "${id}" (HTTP ${status}).`, status);
  return fail(client, "unavailable", `Red Hat's catalog answered HTTP ${status} for ${what}.`, status);
}

function parseJson(client: PyxisClient, text: string, status: number, what: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    // Error answers (401, 404, ...) are judged by status alone; only a 2xx must be JSON.
    if (status < 200 || status >= 300) return undefined;
    throw fail(client, "malformed", `Red Hat's catalog answered with something that is not the expected JSON for ${what} (not JSON).`, status);
  }
}

function parse<T extends z.ZodType>(client: PyxisClient, schema: T, body: unknown, what: string): z.output<T> {
  const result = schema.safeParse(body);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const where = issue?.path.length ? `${issue.path.join(".")}: ` : "";
  const detail = short(`${where}${issue?.message ?? "invalid"}`, 160);
  throw fail(client, "malformed", `Red Hat's catalog answered with something that is not the expected JSON for ${what} (${detail}).`, 200);
}

/** Every PyxisError is built here: the key is cut out of any text that came from elsewhere (an id, a zod message). */
function fail(client: PyxisClient, kind: PyxisErrorKind, message: string, status: number | null = null): PyxisError {
  const key = client.apiKey;
  return new PyxisError(kind, key.length >= 4 ? message.split(key).join("[API key]") : message, status);
}

function unreachable(client: PyxisClient, host: string, code: string | null): PyxisError {
  if (code === "ENOTFOUND") return fail(client, "unreachable", `Red Hat's catalog could not be reached: the name ${host} does not resolve (ENOTFOUND).`);
  if (code === "ECONNREFUSED") return fail(client, "unreachable", `Red Hat's catalog could not be reached: ${host} refused the connection (ECONNREFUSED).`);
  if (isTlsCode(code)) return fail(client, "unreachable", `Red Hat's catalog could not be reached: the TLS certificate of ${host} was not accepted (${code}).`);
  return fail(client, "unreachable", `Red Hat's catalog could not be reached at ${host}${code ? ` (${code})` : ""}.`);
}

function isTimeout(error: unknown): boolean {
  return error instanceof Error && (error.name === "TimeoutError" || (error.cause instanceof Error && error.cause.name === "TimeoutError"));
}

/** undici wraps the socket error: TypeError("fetch failed", { cause: { code: "ECONNREFUSED" } }). */
function networkCode(error: unknown): string | null {
  for (let current = error, depth = 0; current && typeof current === "object" && depth < 4; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === "string") return code;
    current = (current as { cause?: unknown }).cause;
  }
  return null;
}

function isTlsCode(code: string | null): boolean {
  return code !== null && /CERT|SELF_SIGNED|UNABLE_TO_(GET|VERIFY)|ERR_TLS|ERR_SSL/.test(code);
}

function projectPath(id: string): string {
  return `/v1/projects/certification/id/${encodeURIComponent(id)}`;
}

function seconds(ms: number): string {
  return String(Math.round(ms / 100) / 10);
}

function short(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}
