import { gzipSync } from "fflate";
import { concat, doctorLastEntry, tar, tgz, utf8, zeros, zip } from "./archives";
import { HOSTILE_BACKLOGS } from "./backlogs";

// The hostile-input corpus: inputs every write door must refuse with a 4xx and a code, writing
// nothing, while the server keeps serving. e2e/hostile-input.spec.ts sends each one to the
// production server over real HTTP (so oversized headers and malformed framing meet Node's own
// parser) and compares every table before and after.
//
// `expect.code` is the error code of the answer: `error.code` in our contract, the top-level
// `code` of better-auth's answers (sign-in), or `http-<status>` when Node's HTTP parser answers
// itself before any handler runs (431 for oversized headers, 400 for broken framing: no body).

export type Door =
  | "upload: json"
  | "upload: multipart"
  | "upload: gzip"
  | "upload: zip"
  | "backlog import"
  | "item PATCH"
  | "item POST"
  | "items bulk"
  | "comment POST"
  | "component PATCH"
  | "exception PUT"
  | "phase PATCH"
  | "run assign"
  | "sign-off PUT"
  | "users POST"
  | "users PATCH"
  | "tokens POST"
  | "sign-in"
  | "token use";

export const DOORS: readonly Door[] = [
  "upload: json",
  "upload: multipart",
  "upload: gzip",
  "upload: zip",
  "backlog import",
  "item PATCH",
  "item POST",
  "items bulk",
  "comment POST",
  "component PATCH",
  "exception PUT",
  "phase PATCH",
  "run assign",
  "sign-off PUT",
  "users POST",
  "users PATCH",
  "tokens POST",
  "sign-in",
  "token use",
];

/** Who sends it: a pipeline's engineer token, or a browser's session cookie (with our own Origin unless the case says otherwise). */
/** "demoted-token": an engineer token whose owner an admin has since made a viewer. */
export type Caller = "engineer-token" | "demoted-token" | "engineer-cookie" | "viewer-cookie" | "admin-cookie" | "anonymous";

/** What the corpus writes against: created by the spec before the first snapshot. */
export type Targets = {
  product: string;
  item: string;
  itemVersion: number;
  component: string;
  componentVersion: number;
  phase: string;
  phaseVersion: number;
  /** A phase that already depends on `phase`: making `phase` depend on it is a cycle. */
  dependentPhase: string;
  user: string;
  adminEmail: string;
};

export type HostileCase = {
  name: string;
  door: Door;
  method: "POST" | "PATCH" | "PUT";
  path: (t: Targets) => string;
  caller: Caller;
  /** Extra headers; null removes one the caller would send (e.g. Origin). */
  headers?: Record<string, string | null>;
  body?: (t: Targets) => Uint8Array | string;
  /** Written to a raw socket as is (after the request line and Host): for what an HTTP client refuses to send. */
  rawHeaders?: string[];
  expect: { status: number; code: string };
};

// ---- Bodies ----------------------------------------------------------------------------------

const json = (value: unknown) => JSON.stringify(value);
const bytes = (...values: number[]) => Uint8Array.from(values);

const LIBRARY = { name: "github.com/redhat-openshift-ecosystem/openshift-preflight", version: "1.16.0", commit: "0123456789abcdef0123456789abcdef01234567" };
/** A results.json preflight could have written: every upload case is refused for something else. */
const results = (extra: Record<string, unknown> = {}) => ({
  image: "quay.io/hostile/widget:1.0",
  passed: true,
  test_library: LIBRARY,
  results: { passed: [{ name: "HasLicense", elapsed_time: 0, description: "d" }], failed: [], errors: [] },
  ...extra,
});
const RESULTS = json(results());
const RESULTS_BYTES = utf8(RESULTS);
const CERT_IMAGE = utf8(json({ architecture: "amd64", docker_image_digest: `sha256:${"a".repeat(64)}` }));

const BOUNDARY = "----hostile-corpus-boundary";
/** `filenameStar`: RFC 5987's percent-encoded `filename*=utf-8''…` instead of a quoted `filename`. */
type Part = { name: string; filename?: string; filenameStar?: string; type?: string; data: Uint8Array | string };
function multipart(parts: Part[], { close = true } = {}): Uint8Array {
  const chunks = parts.flatMap((part) => [
    utf8(
      `--${BOUNDARY}\r\nContent-Disposition: form-data; name="${part.name}"${part.filename === undefined ? "" : `; filename="${part.filename}"`}${part.filenameStar === undefined ? "" : `; filename*=utf-8''${part.filenameStar}`}\r\n` +
        (part.type ? `Content-Type: ${part.type}\r\n` : "") +
        "\r\n",
    ),
    typeof part.data === "string" ? utf8(part.data) : part.data,
    utf8("\r\n"),
  ]);
  return concat(...chunks, utf8(close ? `--${BOUNDARY}--\r\n` : ""));
}
const MULTIPART = `multipart/form-data; boundary=${BOUNDARY}`;

/** HTTP/1.1 chunked framing, 1 MiB a chunk, without the closing zero-length chunk: a body with no length that never ends. */
function unfinishedChunked(body: Uint8Array): Uint8Array {
  const parts: Uint8Array[] = [];
  for (let at = 0; at < body.length; at += 1024 * 1024) {
    const chunk = body.subarray(at, at + 1024 * 1024);
    parts.push(utf8(`${chunk.length.toString(16)}\r\n`), chunk, utf8("\r\n"));
  }
  return concat(...parts);
}
/** 51 MiB of a log part (or of the raw body), sent chunked without Content-Length and never finished: refused once past the 50 MiB cap. */
const OVER_THE_CAP = 51 * 1024 * 1024;
const openEndedMultipart = () => unfinishedChunked(concat(utf8(`--${BOUNDARY}\r\nContent-Disposition: form-data; name="log"; filename="preflight.log"\r\n\r\n`), new Uint8Array(OVER_THE_CAP).fill(0x61)));
/** One tar.gz far under every limit alone (a results.json and 10 MiB of ignored zeros, about 10 KiB sent); six of them are not. */
const TEN_MIB_ARCHIVE = () => tgz([{ name: "artifacts/results.json", data: RESULTS_BYTES }, { name: "artifacts/rpm-manifest.json", data: zeros(10 * 1024 * 1024) }]);
/** One tar.gz of 80 entries; three of them hold 240, past the 200 one upload may hold. */
const EIGHTY_ENTRIES = () => tgz([{ name: "artifacts/results.json", data: RESULTS_BYTES }, ...Array.from({ length: 79 }, (_, i) => ({ name: `artifacts/noise-${i}.txt`, data: utf8("x") }))]);

/** A backlog document with one item: every import case is refused for something else. */
const BACKLOG = "# Hostile\n\n## CRITICAL BLOCKERS\n\n### P0-1: An item\n\n**Status:** ❌ NOT STARTED\n";
/** A shape of tests/hostile/backlogs.ts at the import cap, less room for the request's own framing. */
const hostileBacklog = (name: string) => {
  const shape = HOSTILE_BACKLOGS.find((candidate) => candidate.name === name);
  if (!shape) throw new Error(`no hostile backlog named "${name}"`);
  return shape.make(2 * 1024 * 1024 - 1024);
};
const deepJson = (depth: number) => `${"[".repeat(depth)}${"]".repeat(depth)}`;
const big = (size: number, char = "x") => char.repeat(size);

// ---- Paths -----------------------------------------------------------------------------------

const q = encodeURIComponent;
const uploadPath = (query = "") => (t: Targets) => `/api/v1/preflight/runs?product=${q(t.product)}&component=${q(t.component)}${query}`;
const importPath = (product?: string) => (t: Targets) => `/api/v1/backlog/import?product=${q(product ?? t.product)}`;
const itemPath = (key?: string) => (t: Targets) => `/api/v1/items/${key ?? q(t.item)}?product=${q(t.product)}`;
const componentPath = (slug?: string) => (t: Targets) => `/api/v1/components/${slug ?? q(t.component)}?product=${q(t.product)}`;
const exceptionPath = (kind = "privileged", slug?: string) => (t: Targets) => `/api/v1/components/${slug ?? q(t.component)}/exceptions/${kind}?product=${q(t.product)}`;
const phasePath = (key?: string) => (t: Targets) => `/api/v1/phases/${key ?? q(t.phase)}?product=${q(t.product)}`;
/** No run has this id: every assign case is refused for its body before that would matter, or found missing. */
const assignPath = (id = "00000000-0000-4000-8000-00000000dead") => (t: Targets) => `/api/v1/preflight/runs/${id}/assign?product=${q(t.product)}`;
const signOffPath = (code = "CTR-17", slug?: string) => (t: Targets) => `/api/v1/components/${slug ?? q(t.component)}/requirements/${code}?product=${q(t.product)}`;
const SIGN_IN = () => "/api/auth/sign-in/email";

const JSON_TYPE = { "content-type": "application/json" };
const MARKDOWN = { "content-type": "text/markdown" };
const GZIP = { "content-type": "application/gzip" };
const ZIP = { "content-type": "application/zip" };

// ---- The corpus --------------------------------------------------------------------------------

const uploads: HostileCase[] = [
  // application/json
  { name: "malformed JSON", door: "upload: json", method: "POST", path: uploadPath(), caller: "engineer-token", headers: JSON_TYPE, body: () => '{"image": "x", "passed": tru', expect: { status: 400, code: "invalid" } },
  { name: "truncated results.json", door: "upload: json", method: "POST", path: uploadPath(), caller: "engineer-token", headers: JSON_TYPE, body: () => RESULTS.slice(0, 90), expect: { status: 400, code: "invalid" } },
  { name: "empty body (an interrupted run)", door: "upload: json", method: "POST", path: uploadPath(), caller: "engineer-token", headers: JSON_TYPE, body: () => "", expect: { status: 422, code: "empty_results" } },
  { name: "a JSON array", door: "upload: json", method: "POST", path: uploadPath(), caller: "engineer-token", headers: JSON_TYPE, body: () => "[]", expect: { status: 422, code: "not_preflight" } },
  { name: "wrong types for every field", door: "upload: json", method: "POST", path: uploadPath(), caller: "engineer-token", headers: JSON_TYPE, body: () => json({ image: 42, passed: "yes", results: "none", test_library: 1 }), expect: { status: 422, code: "not_preflight" } },
  { name: "duplicate keys, the last one wrong", door: "upload: json", method: "POST", path: uploadPath(), caller: "engineer-token", headers: JSON_TYPE, body: () => `${RESULTS.slice(0, -1)},"results":5}`, expect: { status: 422, code: "not_preflight" } },
  { name: "nested 100,000 deep", door: "upload: json", method: "POST", path: uploadPath(), caller: "engineer-token", headers: JSON_TYPE, body: () => deepJson(100_000), expect: { status: 400, code: "invalid" } },
  { name: "invalid UTF-8 in a string", door: "upload: json", method: "POST", path: uploadPath(), caller: "engineer-token", headers: JSON_TYPE, body: () => concat(utf8(RESULTS.slice(0, 20)), bytes(0xff, 0xfe), utf8(RESULTS.slice(20))), expect: { status: 400, code: "invalid_encoding" } },
  { name: "overlong UTF-8 for '/' (C0 AF)", door: "upload: json", method: "POST", path: uploadPath(), caller: "engineer-token", headers: JSON_TYPE, body: () => concat(utf8(RESULTS.slice(0, 20)), bytes(0xc0, 0xaf), utf8(RESULTS.slice(20))), expect: { status: 400, code: "invalid_encoding" } },
  { name: "UTF-16 with a byte-order mark", door: "upload: json", method: "POST", path: uploadPath(), caller: "engineer-token", headers: JSON_TYPE, body: () => concat(bytes(0xff, 0xfe), Uint8Array.from(Buffer.from(RESULTS, "utf16le"))), expect: { status: 400, code: "invalid" } },
  { name: "a \\u0000 escape in a check description", door: "upload: json", method: "POST", path: uploadPath(), caller: "engineer-token", headers: JSON_TYPE, body: () => RESULTS.replace('"description":"d"', '"description":"d\\u0000"'), expect: { status: 400, code: "invalid_encoding" } },
  { name: "an unpaired surrogate escape in the image", door: "upload: json", method: "POST", path: uploadPath(), caller: "engineer-token", headers: JSON_TYPE, body: () => RESULTS.replace("widget:1.0", "widget:1.0\\ud800"), expect: { status: 400, code: "invalid_encoding" } },
  { name: "a raw NUL byte in a string", door: "upload: json", method: "POST", path: uploadPath(), caller: "engineer-token", headers: JSON_TYPE, body: () => RESULTS.replace("widget", "wid\u0000get"), expect: { status: 400, code: "invalid" } },
  { name: "larger than 5 MiB", door: "upload: json", method: "POST", path: uploadPath(), caller: "engineer-token", headers: JSON_TYPE, body: () => json(results({ padding: big(5 * 1024 * 1024) })), expect: { status: 413, code: "too_large" } },
  { name: "17 documents back to back", door: "upload: json", method: "POST", path: uploadPath(), caller: "engineer-token", headers: JSON_TYPE, body: () => Array.from({ length: 17 }, () => RESULTS).join("\n"), expect: { status: 413, code: "too_large" } },
  { name: "1,001 checks", door: "upload: json", method: "POST", path: uploadPath(), caller: "engineer-token", headers: JSON_TYPE, body: () => json(results({ results: { passed: Array.from({ length: 1001 }, (_, i) => ({ name: `C${i}`, elapsed_time: 0 })), failed: [], errors: [] } })), expect: { status: 413, code: "too_large" } },
  { name: "cert-image.json sent as results", door: "upload: json", method: "POST", path: uploadPath(), caller: "engineer-token", headers: JSON_TYPE, body: () => CERT_IMAGE, expect: { status: 422, code: "not_preflight" } },
  { name: "arch with path traversal", door: "upload: json", method: "POST", path: uploadPath("&arch=..%2F..%2Fetc"), caller: "engineer-token", headers: JSON_TYPE, body: () => RESULTS, expect: { status: 400, code: "invalid" } },
  { name: "a shell command as component", door: "upload: json", method: "POST", path: (t) => `/api/v1/preflight/runs?product=${q(t.product)}&component=${q("$(reboot);`id`")}`, caller: "engineer-token", headers: JSON_TYPE, body: () => RESULTS, expect: { status: 404, code: "not_found" } },
  { name: "SQL in the product", door: "upload: json", method: "POST", path: () => `/api/v1/preflight/runs?product=${q("x' OR '1'='1")}`, caller: "engineer-token", headers: JSON_TYPE, body: () => RESULTS, expect: { status: 404, code: "not_found" } },
  { name: "a NUL in the query", door: "upload: json", method: "POST", path: (t) => `/api/v1/preflight/runs?product=${q(t.product)}&component=a%00b`, caller: "engineer-token", headers: JSON_TYPE, body: () => RESULTS, expect: { status: 400, code: "invalid_encoding" } },
  { name: "text/plain", door: "upload: json", method: "POST", path: uploadPath(), caller: "engineer-token", headers: { "content-type": "text/plain" }, body: () => RESULTS, expect: { status: 415, code: "unsupported_media_type" } },
  { name: "no Content-Type", door: "upload: json", method: "POST", path: uploadPath(), caller: "engineer-token", body: () => RESULTS, expect: { status: 415, code: "unsupported_media_type" } },
  { name: "application/x-tar", door: "upload: json", method: "POST", path: uploadPath(), caller: "engineer-token", headers: { "content-type": "application/x-tar" }, body: () => tar([{ name: "results.json", data: RESULTS_BYTES }]), expect: { status: 415, code: "unsupported_media_type" } },
  { name: "a viewer's session", door: "upload: json", method: "POST", path: uploadPath(), caller: "viewer-cookie", headers: JSON_TYPE, body: () => RESULTS, expect: { status: 403, code: "forbidden" } },

  // multipart/form-data
  { name: "no boundary", door: "upload: multipart", method: "POST", path: uploadPath(), caller: "engineer-token", headers: { "content-type": "multipart/form-data" }, body: () => multipart([{ name: "results", filename: "results.json", data: RESULTS }]), expect: { status: 400, code: "invalid" } },
  { name: "truncated before the closing boundary", door: "upload: multipart", method: "POST", path: uploadPath(), caller: "engineer-token", headers: { "content-type": MULTIPART }, body: () => multipart([{ name: "results", filename: "results.json", data: RESULTS }], { close: false }).subarray(0, 120), expect: { status: 400, code: "invalid" } },
  { name: "results as a text field", door: "upload: multipart", method: "POST", path: uploadPath(), caller: "engineer-token", headers: { "content-type": MULTIPART }, body: () => multipart([{ name: "results", data: RESULTS }]), expect: { status: 400, code: "invalid" } },
  { name: "only a log, no results", door: "upload: multipart", method: "POST", path: uploadPath(), caller: "engineer-token", headers: { "content-type": MULTIPART }, body: () => multipart([{ name: "log", filename: "preflight.log", data: "level=info msg=hi" }]), expect: { status: 400, code: "invalid" } },
  { name: "a results file over 5 MiB", door: "upload: multipart", method: "POST", path: uploadPath(), caller: "engineer-token", headers: { "content-type": MULTIPART }, body: () => multipart([{ name: "results", filename: "results.json", type: "application/json", data: json(results({ padding: big(5 * 1024 * 1024) })) }]), expect: { status: 413, code: "too_large" } },
  // A NUL is not allowed in a header line: the multipart parser refuses the part header itself;
  // percent-encoded, it gets through the parser and is refused before anything is stored.
  { name: "a NUL in the file name", door: "upload: multipart", method: "POST", path: uploadPath(), caller: "engineer-token", headers: { "content-type": MULTIPART }, body: () => multipart([{ name: "results", filename: "res\u0000ults.json", type: "application/json", data: RESULTS }]), expect: { status: 400, code: "invalid" } },
  { name: "a percent-encoded NUL in the file name", door: "upload: multipart", method: "POST", path: uploadPath(), caller: "engineer-token", headers: { "content-type": MULTIPART }, body: () => multipart([{ name: "results", filenameStar: "res%00ults.json", type: "application/json", data: RESULTS }]), expect: { status: 400, code: "invalid_encoding" } },
  { name: "path traversal in the file name, broken JSON inside", door: "upload: multipart", method: "POST", path: uploadPath(), caller: "engineer-token", headers: { "content-type": MULTIPART }, body: () => multipart([{ name: "results", filename: "../../../etc/cron.d/results.json", type: "application/json", data: "{nope" }]), expect: { status: 400, code: "invalid" } },
  { name: "a gzip bomb as the results file", door: "upload: multipart", method: "POST", path: uploadPath(), caller: "engineer-token", headers: { "content-type": MULTIPART }, body: () => multipart([{ name: "results", filename: "results.json.gz", type: "application/gzip", data: gzipSync(zeros(60 * 1024 * 1024), { level: 1 }) }]), expect: { status: 413, code: "too_large" } },
  { name: "six tar.gz parts that expand to 10 MiB each (one budget for the whole upload)", door: "upload: multipart", method: "POST", path: uploadPath(), caller: "engineer-token", headers: { "content-type": MULTIPART }, body: () => { const archive = TEN_MIB_ARCHIVE(); return multipart(Array.from({ length: 6 }, (_, i) => ({ name: "results", filename: `part-${i}.tar.gz`, type: "application/gzip", data: archive }))); }, expect: { status: 413, code: "too_large" } },
  { name: "three tar.gz parts of 80 entries each (one file count for the whole upload)", door: "upload: multipart", method: "POST", path: uploadPath(), caller: "engineer-token", headers: { "content-type": MULTIPART }, body: () => { const archive = EIGHTY_ENTRIES(); return multipart(Array.from({ length: 3 }, (_, i) => ({ name: "results", filename: `part-${i}.tgz`, type: "application/gzip", data: archive }))); }, expect: { status: 413, code: "too_large" } },
  { name: "chunked without Content-Length, 51 MiB and never finished", door: "upload: multipart", method: "POST", path: uploadPath(), caller: "engineer-token", rawHeaders: [`Content-Type: ${MULTIPART}`, "Transfer-Encoding: chunked"], body: openEndedMultipart, expect: { status: 413, code: "too_large" } },
  { name: "a shell command in the arch field", door: "upload: multipart", method: "POST", path: uploadPath(), caller: "engineer-token", headers: { "content-type": MULTIPART }, body: () => multipart([{ name: "results", filename: "results.json", type: "application/json", data: RESULTS }, { name: "arch", data: "amd64; rm -rf /" }]), expect: { status: 400, code: "invalid" } },

  // application/gzip
  { name: "a gzip bomb (60 MiB of zeros)", door: "upload: gzip", method: "POST", path: uploadPath(), caller: "engineer-token", headers: GZIP, body: () => gzipSync(zeros(60 * 1024 * 1024), { level: 1 }), expect: { status: 413, code: "too_large" } },
  { name: "a tar.gz bomb behind a real results.json", door: "upload: gzip", method: "POST", path: uploadPath(), caller: "engineer-token", headers: GZIP, body: () => tgz([{ name: "artifacts/results.json", data: RESULTS_BYTES }, { name: "artifacts/preflight.log", data: zeros(60 * 1024 * 1024) }]), expect: { status: 413, code: "too_large" } },
  { name: "path traversal in a tar entry", door: "upload: gzip", method: "POST", path: uploadPath(), caller: "engineer-token", headers: GZIP, body: () => tgz([{ name: "artifacts/results.json", data: RESULTS_BYTES }, { name: "../../etc/cron.d/evil.log", data: utf8("* * * * * root sh") }]), expect: { status: 400, code: "invalid" } },
  { name: "an absolute path in a tar entry", door: "upload: gzip", method: "POST", path: uploadPath(), caller: "engineer-token", headers: GZIP, body: () => tgz([{ name: "/etc/passwd", data: utf8("root:x:0:0") }, { name: "artifacts/results.json", data: RESULTS_BYTES }]), expect: { status: 400, code: "invalid" } },
  { name: "a symlink as results.json", door: "upload: gzip", method: "POST", path: uploadPath(), caller: "engineer-token", headers: GZIP, body: () => tgz([{ name: "artifacts/results.json", type: "2", linkName: "/etc/shadow" }]), expect: { status: 400, code: "invalid" } },
  { name: "201 entries", door: "upload: gzip", method: "POST", path: uploadPath(), caller: "engineer-token", headers: GZIP, body: () => tgz([{ name: "artifacts/results.json", data: RESULTS_BYTES }, ...Array.from({ length: 200 }, (_, i) => ({ name: `artifacts/noise-${i}.txt`, data: utf8("x") }))]), expect: { status: 413, code: "too_large" } },
  { name: "no results.json inside", door: "upload: gzip", method: "POST", path: uploadPath(), caller: "engineer-token", headers: GZIP, body: () => tgz([{ name: "artifacts/notes.txt", data: utf8("hello") }]), expect: { status: 400, code: "invalid" } },
  { name: "truncated gzip", door: "upload: gzip", method: "POST", path: uploadPath(), caller: "engineer-token", headers: GZIP, body: () => gzipSync(tar([{ name: "artifacts/results.json", data: RESULTS_BYTES }])).subarray(0, 60), expect: { status: 400, code: "invalid" } },
  { name: "a wrong gzip CRC", door: "upload: gzip", method: "POST", path: uploadPath(), caller: "engineer-token", headers: GZIP, body: () => { const good = gzipSync(RESULTS_BYTES); const bad = good.slice(); bad[bad.length - 6]! ^= 0xff; return bad; }, expect: { status: 400, code: "invalid" } },
  { name: "random bytes sent as gzip", door: "upload: gzip", method: "POST", path: uploadPath(), caller: "engineer-token", headers: GZIP, body: () => Uint8Array.from({ length: 4096 }, (_, i) => (i * 7919 + 13) % 251), expect: { status: 400, code: "invalid" } },
  { name: "a gzipped results.json with a NUL escape", door: "upload: gzip", method: "POST", path: uploadPath(), caller: "engineer-token", headers: GZIP, body: () => gzipSync(utf8(RESULTS.replace('"d"', '"\\u0000"'))), expect: { status: 400, code: "invalid_encoding" } },
  { name: "chunked without Content-Length, 51 MiB and never finished", door: "upload: gzip", method: "POST", path: uploadPath(), caller: "engineer-token", rawHeaders: ["Content-Type: application/gzip", "Transfer-Encoding: chunked"], body: () => unfinishedChunked(new Uint8Array(OVER_THE_CAP)), expect: { status: 413, code: "too_large" } },
  { name: "declares 60 MiB in Content-Length", door: "upload: gzip", method: "POST", path: uploadPath(), caller: "engineer-token", rawHeaders: ["Content-Type: application/gzip", `Content-Length: ${60 * 1024 * 1024}`], body: () => gzipSync(RESULTS_BYTES), expect: { status: 413, code: "too_large" } },

  // application/zip
  { name: "a zip bomb by its declared size", door: "upload: zip", method: "POST", path: uploadPath(), caller: "engineer-token", headers: ZIP, body: () => zip({ "artifacts/results.json": RESULTS_BYTES, "artifacts/preflight.log": zeros(60 * 1024 * 1024) }, 1), expect: { status: 413, code: "too_large" } },
  { name: "a zip bomb whose header lies about its size", door: "upload: zip", method: "POST", path: uploadPath(), caller: "engineer-token", headers: ZIP, body: () => doctorLastEntry(zip({ "artifacts/results.json": RESULTS_BYTES, "artifacts/preflight.log": zeros(60 * 1024 * 1024) }, 1), { size: 1000 }), expect: { status: 400, code: "invalid" } },
  { name: "Windows path traversal", door: "upload: zip", method: "POST", path: uploadPath(), caller: "engineer-token", headers: ZIP, body: () => zip({ "artifacts/results.json": RESULTS_BYTES, "..\\..\\Windows\\System32\\evil.log": utf8("x") }), expect: { status: 400, code: "invalid" } },
  { name: "a drive letter", door: "upload: zip", method: "POST", path: uploadPath(), caller: "engineer-token", headers: ZIP, body: () => zip({ "C:/artifacts/results.json": RESULTS_BYTES }), expect: { status: 400, code: "invalid" } },
  { name: "a symlink entry", door: "upload: zip", method: "POST", path: uploadPath(), caller: "engineer-token", headers: ZIP, body: () => zip({ "results.json": RESULTS_BYTES, "amd64/results.json": [utf8("/etc/shadow"), { os: 3, attrs: 0o120777 << 16 }] }), expect: { status: 400, code: "invalid" } },
  { name: "an encrypted entry", door: "upload: zip", method: "POST", path: uploadPath(), caller: "engineer-token", headers: ZIP, body: () => doctorLastEntry(zip({ "artifacts/results.json": RESULTS_BYTES }, 0), { flags: 0x1 }), expect: { status: 400, code: "invalid" } },
  { name: "an unsupported compression method", door: "upload: zip", method: "POST", path: uploadPath(), caller: "engineer-token", headers: ZIP, body: () => doctorLastEntry(zip({ "artifacts/results.json": RESULTS_BYTES }, 0), { method: 12 }), expect: { status: 400, code: "invalid" } },
  { name: "truncated (no end of central directory)", door: "upload: zip", method: "POST", path: uploadPath(), caller: "engineer-token", headers: ZIP, body: () => zip({ "artifacts/results.json": RESULTS_BYTES }).subarray(0, 100), expect: { status: 400, code: "invalid" } },
  { name: "results.json twice", door: "upload: zip", method: "POST", path: uploadPath(), caller: "engineer-token", headers: ZIP, body: () => zip({ "artifacts/results.json": RESULTS_BYTES, "artifacts//results.json": RESULTS_BYTES }), expect: { status: 400, code: "invalid" } },
];

const imports: HostileCase[] = [
  { name: "application/json", door: "backlog import", method: "POST", path: importPath(), caller: "engineer-token", headers: JSON_TYPE, body: () => BACKLOG, expect: { status: 415, code: "unsupported_media_type" } },
  { name: "invalid UTF-8", door: "backlog import", method: "POST", path: importPath(), caller: "engineer-token", headers: MARKDOWN, body: () => concat(utf8(BACKLOG), bytes(0xc3, 0x28, 0xa0, 0xa1)), expect: { status: 400, code: "invalid_encoding" } },
  { name: "UTF-16 with a byte-order mark", door: "backlog import", method: "POST", path: importPath(), caller: "engineer-token", headers: MARKDOWN, body: () => concat(bytes(0xff, 0xfe), Uint8Array.from(Buffer.from(BACKLOG, "utf16le"))), expect: { status: 400, code: "invalid_encoding" } },
  { name: "a PNG", door: "backlog import", method: "POST", path: importPath(), caller: "engineer-token", headers: MARKDOWN, body: () => bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d), expect: { status: 400, code: "invalid_encoding" } },
  { name: "NUL bytes", door: "backlog import", method: "POST", path: importPath(), caller: "engineer-token", headers: MARKDOWN, body: () => `${BACKLOG}\u0000\u0000`, expect: { status: 422, code: "not_markdown" } },
  { name: "a JSON document", door: "backlog import", method: "POST", path: importPath(), caller: "engineer-token", headers: MARKDOWN, body: () => json({ items: [{ key: "P0-1", title: "### P0-1: x" }] }), expect: { status: 422, code: "not_markdown" } },
  { name: "an HTML page with a script", door: "backlog import", method: "POST", path: importPath(), caller: "engineer-token", headers: MARKDOWN, body: () => "<!DOCTYPE html><html><body><script>alert(1)</script><h3>P0-1: x</h3></body></html>", expect: { status: 422, code: "not_markdown" } },
  { name: "empty", door: "backlog import", method: "POST", path: importPath(), caller: "engineer-token", headers: MARKDOWN, body: () => "", expect: { status: 422, code: "not_markdown" } },
  { name: "markdown without items", door: "backlog import", method: "POST", path: importPath(), caller: "engineer-token", headers: MARKDOWN, body: () => "# Shopping\n\n- milk\n- eggs\n", expect: { status: 422, code: "no_items" } },
  { name: "blockquotes nested 100,000 deep", door: "backlog import", method: "POST", path: importPath(), caller: "engineer-token", headers: MARKDOWN, body: () => `${BACKLOG}\n${">".repeat(100_000)} x\n`, expect: { status: 422, code: "not_markdown" } },
  { name: "lists nested 300 deep", door: "backlog import", method: "POST", path: importPath(), caller: "engineer-token", headers: MARKDOWN, body: () => `${BACKLOG}\n${Array.from({ length: 300 }, (_, i) => `${"  ".repeat(i)}- a`).join("\n")}\n`, expect: { status: 422, code: "not_markdown" } },
  { name: "40 KB of emphasis marks in one paragraph", door: "backlog import", method: "POST", path: importPath(), caller: "engineer-token", headers: MARKDOWN, body: () => `${BACKLOG}\n${"*_".repeat(20_000)}\n`, expect: { status: 422, code: "not_markdown" } },
  { name: "500,000 open brackets", door: "backlog import", method: "POST", path: importPath(), caller: "engineer-token", headers: MARKDOWN, body: () => `${BACKLOG}\n${"[".repeat(500_000)}\n`, expect: { status: 422, code: "not_markdown" } },
  // Shapes that cost the markdown parser the square of their length, or a large time per line or
  // mark, filled to just under the 2 MiB cap: refused by the linear pre-check (tests/hostile/backlogs.ts).
  ...["a quoted paragraph continued lazily", "a list item continued lazily inside a quote", "a list of one-letter items", "a table row of empty cells", "a paragraph of backslashes", "paragraphs of autolinks", "more items than an import takes"].map(
    (name): HostileCase => ({ name: `2 MiB of ${name}`, door: "backlog import", method: "POST", path: importPath(), caller: "engineer-token", headers: MARKDOWN, body: () => hostileBacklog(name), expect: { status: 422, code: "not_markdown" } }),
  ),
  { name: "larger than 2 MiB", door: "backlog import", method: "POST", path: importPath(), caller: "engineer-token", headers: MARKDOWN, body: () => BACKLOG + big(2 * 1024 * 1024), expect: { status: 413, code: "too_large" } },
  { name: "SQL in a new product's slug", door: "backlog import", method: "POST", path: importPath(`x'; DROP TABLE "Product"; --`), caller: "engineer-token", headers: MARKDOWN, body: () => BACKLOG, expect: { status: 400, code: "invalid" } },
  { name: "path traversal in a new product's slug", door: "backlog import", method: "POST", path: importPath("../../admin"), caller: "engineer-token", headers: MARKDOWN, body: () => BACKLOG, expect: { status: 400, code: "invalid" } },
  { name: "a product name over 100 characters", door: "backlog import", method: "POST", path: importPath(big(101, "p")), caller: "engineer-token", headers: MARKDOWN, body: () => BACKLOG, expect: { status: 400, code: "invalid" } },
  { name: "a viewer's session", door: "backlog import", method: "POST", path: importPath(), caller: "viewer-cookie", headers: MARKDOWN, body: () => BACKLOG, expect: { status: 403, code: "forbidden" } },
];

const itemPatch = (body: (t: Targets) => unknown) => (t: Targets) => json(body(t));
const items: HostileCase[] = [
  { name: "malformed JSON", door: "item PATCH", method: "PATCH", path: itemPath(), caller: "engineer-cookie", headers: JSON_TYPE, body: (t) => `{"version": ${t.itemVersion}, "title": "x"`, expect: { status: 400, code: "invalid" } },
  { name: "truncated JSON", door: "item PATCH", method: "PATCH", path: itemPath(), caller: "engineer-cookie", headers: JSON_TYPE, body: (t) => `{"version": ${t.itemVersion}, "title": "abc`, expect: { status: 400, code: "invalid" } },
  { name: "no version", door: "item PATCH", method: "PATCH", path: itemPath(), caller: "engineer-cookie", headers: JSON_TYPE, body: itemPatch(() => ({ title: "x" })), expect: { status: 400, code: "invalid" } },
  { name: "version as a string", door: "item PATCH", method: "PATCH", path: itemPath(), caller: "engineer-cookie", headers: JSON_TYPE, body: itemPatch((t) => ({ version: String(t.itemVersion), title: "x" })), expect: { status: 400, code: "invalid" } },
  { name: "version 1e400 (Infinity)", door: "item PATCH", method: "PATCH", path: itemPath(), caller: "engineer-cookie", headers: JSON_TYPE, body: () => '{"version": 1e400, "title": "x"}', expect: { status: 400, code: "invalid" } },
  { name: "version beyond 2^53", door: "item PATCH", method: "PATCH", path: itemPath(), caller: "engineer-cookie", headers: JSON_TYPE, body: () => '{"version": 9007199254740993, "title": "x"}', expect: { status: 400, code: "invalid" } },
  { name: "a 10,000-digit version", door: "item PATCH", method: "PATCH", path: itemPath(), caller: "engineer-cookie", headers: JSON_TYPE, body: () => `{"version": 1${"0".repeat(10_000)}, "title": "x"}`, expect: { status: 400, code: "invalid" } },
  { name: "a negative version", door: "item PATCH", method: "PATCH", path: itemPath(), caller: "engineer-cookie", headers: JSON_TYPE, body: itemPatch(() => ({ version: -1, title: "x" })), expect: { status: 400, code: "invalid" } },
  { name: "a stale version", door: "item PATCH", method: "PATCH", path: itemPath(), caller: "engineer-cookie", headers: JSON_TYPE, body: itemPatch((t) => ({ version: t.itemVersion + 1000, title: "stale" })), expect: { status: 409, code: "conflict" } },
  { name: "a status that does not exist", door: "item PATCH", method: "PATCH", path: itemPath(), caller: "engineer-cookie", headers: JSON_TYPE, body: itemPatch((t) => ({ version: t.itemVersion, status: "exploded" })), expect: { status: 400, code: "invalid" } },
  { name: "duplicate keys, the last one wrong", door: "item PATCH", method: "PATCH", path: itemPath(), caller: "engineer-cookie", headers: JSON_TYPE, body: (t) => `{"version": ${t.itemVersion}, "status": "done", "status": "exploded"}`, expect: { status: 400, code: "invalid" } },
  { name: "__proto__ (prototype pollution)", door: "item PATCH", method: "PATCH", path: itemPath(), caller: "engineer-cookie", headers: JSON_TYPE, body: (t) => `{"version": ${t.itemVersion}, "__proto__": {"role": "admin"}}`, expect: { status: 400, code: "invalid" } },
  { name: "constructor.prototype", door: "item PATCH", method: "PATCH", path: itemPath(), caller: "engineer-cookie", headers: JSON_TYPE, body: (t) => `{"version": ${t.itemVersion}, "constructor": {"prototype": {"role": "admin"}}}`, expect: { status: 400, code: "invalid" } },
  { name: "wrong types (actions as a string, priority as a list)", door: "item PATCH", method: "PATCH", path: itemPath(), caller: "engineer-cookie", headers: JSON_TYPE, body: itemPatch((t) => ({ version: t.itemVersion, actions: "do it", priority: ["P0"] })), expect: { status: 400, code: "invalid" } },
  { name: "a 301-character title", door: "item PATCH", method: "PATCH", path: itemPath(), caller: "engineer-cookie", headers: JSON_TYPE, body: itemPatch((t) => ({ version: t.itemVersion, title: big(301) })), expect: { status: 400, code: "invalid" } },
  { name: "201 actions", door: "item PATCH", method: "PATCH", path: itemPath(), caller: "engineer-cookie", headers: JSON_TYPE, body: itemPatch((t) => ({ version: t.itemVersion, actions: Array.from({ length: 201 }, () => ({ text: "a", done: false })) })), expect: { status: 400, code: "invalid" } },
  { name: "a 300 KiB body", door: "item PATCH", method: "PATCH", path: itemPath(), caller: "engineer-cookie", headers: JSON_TYPE, body: itemPatch((t) => ({ version: t.itemVersion, description: big(300 * 1024) })), expect: { status: 413, code: "too_large" } },
  { name: "a title nested 100,000 deep", door: "item PATCH", method: "PATCH", path: itemPath(), caller: "engineer-cookie", headers: JSON_TYPE, body: (t) => `{"version": ${t.itemVersion}, "title": ${deepJson(100_000)}}`, expect: { status: 400, code: "invalid" } },
  { name: "a NUL in the title", door: "item PATCH", method: "PATCH", path: itemPath(), caller: "engineer-cookie", headers: JSON_TYPE, body: itemPatch((t) => ({ version: t.itemVersion, title: "before\u0000after" })), expect: { status: 400, code: "invalid_encoding" } },
  { name: "an unpaired surrogate in an action", door: "item PATCH", method: "PATCH", path: itemPath(), caller: "engineer-cookie", headers: JSON_TYPE, body: (t) => `{"version": ${t.itemVersion}, "actions": [{"text": "half \\udc00 a pair", "done": false}]}`, expect: { status: 400, code: "invalid_encoding" } },
  { name: "invalid UTF-8", door: "item PATCH", method: "PATCH", path: itemPath(), caller: "engineer-cookie", headers: JSON_TYPE, body: (t) => concat(utf8(`{"version": ${t.itemVersion}, "title": "`), bytes(0xed, 0xa0, 0x80), utf8('"}')), expect: { status: 400, code: "invalid_encoding" } },
  { name: "text/plain", door: "item PATCH", method: "PATCH", path: itemPath(), caller: "engineer-cookie", headers: { "content-type": "text/plain" }, body: itemPatch((t) => ({ version: t.itemVersion, title: "x" })), expect: { status: 415, code: "unsupported_media_type" } },
  { name: "a form body labelled JSON", door: "item PATCH", method: "PATCH", path: itemPath(), caller: "engineer-cookie", headers: JSON_TYPE, body: () => "version=1&title=x", expect: { status: 400, code: "invalid" } },
  { name: "another site's Origin (CSRF)", door: "item PATCH", method: "PATCH", path: itemPath(), caller: "engineer-cookie", headers: { ...JSON_TYPE, origin: "https://evil.example" }, body: itemPatch((t) => ({ version: t.itemVersion, title: "csrf" })), expect: { status: 403, code: "forbidden" } },
  { name: "no Origin at all with a cookie", door: "item PATCH", method: "PATCH", path: itemPath(), caller: "engineer-cookie", headers: { ...JSON_TYPE, origin: null }, body: itemPatch((t) => ({ version: t.itemVersion, title: "csrf" })), expect: { status: 403, code: "forbidden" } },
  { name: "SQL in the key", door: "item PATCH", method: "PATCH", path: itemPath(q("P0-1' OR '1'='1")), caller: "engineer-cookie", headers: JSON_TYPE, body: itemPatch(() => ({ version: 1, title: "x" })), expect: { status: 404, code: "not_found" } },
  { name: "path traversal in the key", door: "item PATCH", method: "PATCH", path: itemPath("..%2F..%2Fusers"), caller: "engineer-cookie", headers: JSON_TYPE, body: itemPatch(() => ({ version: 1, title: "x" })), expect: { status: 404, code: "not_found" } },
  { name: "a NUL in the key", door: "item PATCH", method: "PATCH", path: itemPath("P0%00-1"), caller: "engineer-cookie", headers: JSON_TYPE, body: itemPatch(() => ({ version: 1, title: "x" })), expect: { status: 400, code: "invalid_encoding" } },
  { name: "a NUL in the product", door: "item PATCH", method: "PATCH", path: (t) => `/api/v1/items/${q(t.item)}?product=%00`, caller: "engineer-cookie", headers: JSON_TYPE, body: itemPatch((t) => ({ version: t.itemVersion, title: "x" })), expect: { status: 400, code: "invalid_encoding" } },
  { name: "anonymous", door: "item PATCH", method: "PATCH", path: itemPath(), caller: "anonymous", headers: JSON_TYPE, body: itemPatch((t) => ({ version: t.itemVersion, title: "x" })), expect: { status: 401, code: "unauthenticated" } },
];

const components: HostileCase[] = [
  { name: "only a version", door: "component PATCH", method: "PATCH", path: componentPath(), caller: "engineer-token", headers: JSON_TYPE, body: (t) => json({ version: t.componentVersion }), expect: { status: 400, code: "invalid" } },
  { name: "a certification status that does not exist", door: "component PATCH", method: "PATCH", path: componentPath(), caller: "engineer-token", headers: JSON_TYPE, body: (t) => json({ version: t.componentVersion, certificationStatus: "hacked" }), expect: { status: 400, code: "invalid" } },
  { name: "a 201-character owner", door: "component PATCH", method: "PATCH", path: componentPath(), caller: "engineer-token", headers: JSON_TYPE, body: (t) => json({ version: t.componentVersion, owner: big(201) }), expect: { status: 400, code: "invalid" } },
  { name: "hostAccess as a list", door: "component PATCH", method: "PATCH", path: componentPath(), caller: "engineer-token", headers: JSON_TYPE, body: (t) => json({ version: t.componentVersion, hostAccess: ["privileged"] }), expect: { status: 400, code: "invalid" } },
  { name: "SQL as the version", door: "component PATCH", method: "PATCH", path: componentPath(), caller: "engineer-token", headers: JSON_TYPE, body: () => json({ version: "1 OR 1=1", owner: "x" }), expect: { status: 400, code: "invalid" } },
  { name: "a stale version", door: "component PATCH", method: "PATCH", path: componentPath(), caller: "engineer-token", headers: JSON_TYPE, body: (t) => json({ version: t.componentVersion + 1000, owner: "stale" }), expect: { status: 409, code: "conflict" } },
  { name: "a NUL in the owner", door: "component PATCH", method: "PATCH", path: componentPath(), caller: "engineer-token", headers: JSON_TYPE, body: (t) => json({ version: t.componentVersion, owner: "eve\u0000" }), expect: { status: 400, code: "invalid_encoding" } },
  { name: "an unknown slug with shell characters", door: "component PATCH", method: "PATCH", path: componentPath(q("$(reboot)")), caller: "engineer-token", headers: JSON_TYPE, body: () => json({ version: 1, owner: "x" }), expect: { status: 404, code: "not_found" } },
  { name: "multipart/form-data", door: "component PATCH", method: "PATCH", path: componentPath(), caller: "engineer-token", headers: { "content-type": MULTIPART }, body: () => multipart([{ name: "owner", data: "x" }]), expect: { status: 415, code: "unsupported_media_type" } },
];

const exceptions: HostileCase[] = [
  { name: "a kind that does not exist", door: "exception PUT", method: "PUT", path: exceptionPath("root"), caller: "engineer-token", headers: JSON_TYPE, body: () => json({ status: "draft" }), expect: { status: 404, code: "not_found" } },
  { name: "path traversal in the kind", door: "exception PUT", method: "PUT", path: exceptionPath("..%2Fprivileged"), caller: "engineer-token", headers: JSON_TYPE, body: () => json({ status: "draft" }), expect: { status: 404, code: "not_found" } },
  { name: "nothing to change", door: "exception PUT", method: "PUT", path: exceptionPath(), caller: "engineer-token", headers: JSON_TYPE, body: () => "{}", expect: { status: 400, code: "invalid" } },
  { name: "SQL in the case reference", door: "exception PUT", method: "PUT", path: exceptionPath(), caller: "engineer-token", headers: JSON_TYPE, body: () => json({ caseRef: "'; DROP TABLE \"ComponentException\"; --" }), expect: { status: 400, code: "invalid" } },
  { name: "a script in the case reference", door: "exception PUT", method: "PUT", path: exceptionPath(), caller: "engineer-token", headers: JSON_TYPE, body: () => json({ caseRef: '"><svg onload=alert(1)>' }), expect: { status: 400, code: "invalid" } },
  { name: "a 65-character case reference", door: "exception PUT", method: "PUT", path: exceptionPath(), caller: "engineer-token", headers: JSON_TYPE, body: () => json({ caseRef: big(65, "1") }), expect: { status: 400, code: "invalid" } },
  { name: "a 20,001-character justification", door: "exception PUT", method: "PUT", path: exceptionPath(), caller: "engineer-token", headers: JSON_TYPE, body: () => json({ justification: big(20_001) }), expect: { status: 400, code: "invalid" } },
  { name: "approved without a justification", door: "exception PUT", method: "PUT", path: exceptionPath(), caller: "engineer-token", headers: JSON_TYPE, body: () => json({ status: "approved" }), expect: { status: 400, code: "invalid" } },
  { name: "a status that does not exist", door: "exception PUT", method: "PUT", path: exceptionPath("scratch"), caller: "engineer-token", headers: JSON_TYPE, body: () => json({ status: "rubber-stamped", justification: "x" }), expect: { status: 400, code: "invalid" } },
  { name: "a NUL in the justification", door: "exception PUT", method: "PUT", path: exceptionPath(), caller: "engineer-token", headers: JSON_TYPE, body: () => json({ status: "requested", justification: "needs root\u0000" }), expect: { status: 400, code: "invalid_encoding" } },
  { name: "version 0", door: "exception PUT", method: "PUT", path: exceptionPath(), caller: "engineer-token", headers: JSON_TYPE, body: () => json({ version: 0, status: "draft" }), expect: { status: 400, code: "invalid" } },
];

const phases: HostileCase[] = [
  { name: "depends on itself", door: "phase PATCH", method: "PATCH", path: phasePath(), caller: "engineer-token", headers: JSON_TYPE, body: (t) => json({ version: t.phaseVersion, dependsOn: [t.phase] }), expect: { status: 400, code: "invalid" } },
  { name: "a dependency cycle", door: "phase PATCH", method: "PATCH", path: phasePath(), caller: "engineer-token", headers: JSON_TYPE, body: (t) => json({ version: t.phaseVersion, dependsOn: [t.dependentPhase] }), expect: { status: 400, code: "invalid" } },
  { name: "SQL as a phase key", door: "phase PATCH", method: "PATCH", path: phasePath(), caller: "engineer-token", headers: JSON_TYPE, body: (t) => json({ version: t.phaseVersion, dependsOn: ["1' OR '1'='1"] }), expect: { status: 400, code: "invalid" } },
  { name: "101 dependencies", door: "phase PATCH", method: "PATCH", path: phasePath(), caller: "engineer-token", headers: JSON_TYPE, body: (t) => json({ version: t.phaseVersion, dependsOn: Array.from({ length: 101 }, (_, i) => `phase-${i}`) }), expect: { status: 400, code: "invalid" } },
  { name: "a gate on an unknown component", door: "phase PATCH", method: "PATCH", path: phasePath(), caller: "engineer-token", headers: JSON_TYPE, body: (t) => json({ version: t.phaseVersion, gates: ["<script>alert(1)</script>"] }), expect: { status: 400, code: "invalid" } },
  { name: "completed as a string", door: "phase PATCH", method: "PATCH", path: phasePath(), caller: "engineer-token", headers: JSON_TYPE, body: (t) => json({ version: t.phaseVersion, completed: "true" }), expect: { status: 400, code: "invalid" } },
  { name: "dependsOn as an object", door: "phase PATCH", method: "PATCH", path: phasePath(), caller: "engineer-token", headers: JSON_TYPE, body: (t) => json({ version: t.phaseVersion, dependsOn: { $ne: null } }), expect: { status: 400, code: "invalid" } },
  { name: "a stale version", door: "phase PATCH", method: "PATCH", path: phasePath(), caller: "engineer-token", headers: JSON_TYPE, body: (t) => json({ version: t.phaseVersion + 1000, dependsOn: [] }), expect: { status: 409, code: "conflict" } },
  { name: "an unknown phase", door: "phase PATCH", method: "PATCH", path: phasePath("phase-999"), caller: "engineer-token", headers: JSON_TYPE, body: () => json({ version: 1, completed: true }), expect: { status: 404, code: "not_found" } },
];

const users: HostileCase[] = [
  { name: "a script as the email", door: "users POST", method: "POST", path: () => "/api/v1/users", caller: "admin-cookie", headers: JSON_TYPE, body: () => json({ name: "x", email: "<script>alert(1)</script>@example.test", role: "viewer" }), expect: { status: 400, code: "invalid" } },
  { name: "SQL as the email", door: "users POST", method: "POST", path: () => "/api/v1/users", caller: "admin-cookie", headers: JSON_TYPE, body: () => json({ name: "x", email: "a@b.c' OR '1'='1", role: "viewer" }), expect: { status: 400, code: "invalid" } },
  { name: "a role that does not exist", door: "users POST", method: "POST", path: () => "/api/v1/users", caller: "admin-cookie", headers: JSON_TYPE, body: () => json({ name: "x", email: "root@example.test", role: "root" }), expect: { status: 400, code: "invalid" } },
  { name: "a 101-character name", door: "users POST", method: "POST", path: () => "/api/v1/users", caller: "admin-cookie", headers: JSON_TYPE, body: () => json({ name: big(101), email: "long@example.test", role: "viewer" }), expect: { status: 400, code: "invalid" } },
  { name: "an 11-character password", door: "users POST", method: "POST", path: () => "/api/v1/users", caller: "admin-cookie", headers: JSON_TYPE, body: () => json({ name: "x", email: "short@example.test", role: "viewer", password: big(11) }), expect: { status: 400, code: "invalid" } },
  { name: "a 257-character password", door: "users POST", method: "POST", path: () => "/api/v1/users", caller: "admin-cookie", headers: JSON_TYPE, body: () => json({ name: "x", email: "longpw@example.test", role: "viewer", password: big(257) }), expect: { status: 400, code: "invalid" } },
  { name: "the admin's email again", door: "users POST", method: "POST", path: () => "/api/v1/users", caller: "admin-cookie", headers: JSON_TYPE, body: (t) => json({ name: "Impostor", email: t.adminEmail.toUpperCase(), role: "admin" }), expect: { status: 409, code: "conflict" } },
  { name: "a NUL in the name", door: "users POST", method: "POST", path: () => "/api/v1/users", caller: "admin-cookie", headers: JSON_TYPE, body: () => json({ name: "Mallory\u0000", email: "nul@example.test", role: "viewer" }), expect: { status: 400, code: "invalid_encoding" } },
  { name: "null", door: "users POST", method: "POST", path: () => "/api/v1/users", caller: "admin-cookie", headers: JSON_TYPE, body: () => "null", expect: { status: 400, code: "invalid" } },
  { name: "an engineer creating an admin", door: "users POST", method: "POST", path: () => "/api/v1/users", caller: "engineer-cookie", headers: JSON_TYPE, body: () => json({ name: "x", email: "escalate@example.test", role: "admin" }), expect: { status: 403, code: "forbidden" } },
  { name: "nothing to change", door: "users PATCH", method: "PATCH", path: (t) => `/api/v1/users/${t.user}`, caller: "admin-cookie", headers: JSON_TYPE, body: () => "{}", expect: { status: 400, code: "invalid" } },
  { name: "a role that does not exist", door: "users PATCH", method: "PATCH", path: (t) => `/api/v1/users/${t.user}`, caller: "admin-cookie", headers: JSON_TYPE, body: () => json({ role: "god" }), expect: { status: 400, code: "invalid" } },
  { name: "active as a string", door: "users PATCH", method: "PATCH", path: (t) => `/api/v1/users/${t.user}`, caller: "admin-cookie", headers: JSON_TYPE, body: () => json({ active: "false" }), expect: { status: 400, code: "invalid" } },
  { name: "an unknown field (email)", door: "users PATCH", method: "PATCH", path: (t) => `/api/v1/users/${t.user}`, caller: "admin-cookie", headers: JSON_TYPE, body: () => json({ role: "viewer", email: "takeover@example.test" }), expect: { status: 400, code: "invalid" } },
  { name: "an id that is not a UUID", door: "users PATCH", method: "PATCH", path: () => `/api/v1/users/${q("1 OR 1=1")}`, caller: "admin-cookie", headers: JSON_TYPE, body: () => json({ role: "admin" }), expect: { status: 400, code: "invalid" } },
  { name: "an unknown UUID", door: "users PATCH", method: "PATCH", path: () => "/api/v1/users/00000000-0000-4000-8000-000000000000", caller: "admin-cookie", headers: JSON_TYPE, body: () => json({ role: "admin" }), expect: { status: 404, code: "not_found" } },
];

const tokens: HostileCase[] = [
  { name: "an empty name", door: "tokens POST", method: "POST", path: () => "/api/v1/tokens", caller: "engineer-cookie", headers: JSON_TYPE, body: () => json({ name: "   ", role: "engineer", expires: "1d" }), expect: { status: 400, code: "invalid" } },
  { name: "a 101-character name", door: "tokens POST", method: "POST", path: () => "/api/v1/tokens", caller: "engineer-cookie", headers: JSON_TYPE, body: () => json({ name: big(101), role: "engineer", expires: "1d" }), expect: { status: 400, code: "invalid" } },
  { name: "an admin token", door: "tokens POST", method: "POST", path: () => "/api/v1/tokens", caller: "engineer-cookie", headers: JSON_TYPE, body: () => json({ name: "x", role: "admin", expires: "1d" }), expect: { status: 400, code: "invalid" } },
  { name: "expires in 9999 years", door: "tokens POST", method: "POST", path: () => "/api/v1/tokens", caller: "engineer-cookie", headers: JSON_TYPE, body: () => json({ name: "forever", role: "engineer", expires: "9999y" }), expect: { status: 400, code: "invalid" } },
  { name: "expires in minus one day", door: "tokens POST", method: "POST", path: () => "/api/v1/tokens", caller: "engineer-cookie", headers: JSON_TYPE, body: () => json({ name: "past", role: "engineer", expires: "-1d" }), expect: { status: 400, code: "invalid" } },
  { name: "expires as a number", door: "tokens POST", method: "POST", path: () => "/api/v1/tokens", caller: "engineer-cookie", headers: JSON_TYPE, body: () => json({ name: "num", role: "engineer", expires: 1e9 }), expect: { status: 400, code: "invalid" } },
  { name: "a NUL in the name", door: "tokens POST", method: "POST", path: () => "/api/v1/tokens", caller: "engineer-cookie", headers: JSON_TYPE, body: () => json({ name: "ci\u0000", role: "engineer", expires: "1d" }), expect: { status: 400, code: "invalid_encoding" } },
  { name: "minted with a token", door: "tokens POST", method: "POST", path: () => "/api/v1/tokens", caller: "engineer-token", headers: JSON_TYPE, body: () => json({ name: "child", role: "engineer", expires: "1d" }), expect: { status: 403, code: "forbidden" } },
];

// Sign-in answers come from better-auth ({ code, message }) unless our screen refuses first.
const signIns: HostileCase[] = [
  { name: "malformed JSON", door: "sign-in", method: "POST", path: SIGN_IN, caller: "anonymous", headers: JSON_TYPE, body: () => '{"email": "a@example.test", "password": ', expect: { status: 400, code: "BAD_REQUEST" } },
  { name: "a JSON array", door: "sign-in", method: "POST", path: SIGN_IN, caller: "anonymous", headers: JSON_TYPE, body: () => "[]", expect: { status: 400, code: "VALIDATION_ERROR" } },
  { name: "wrong types", door: "sign-in", method: "POST", path: SIGN_IN, caller: "anonymous", headers: JSON_TYPE, body: () => json({ email: 5, password: ["x"] }), expect: { status: 400, code: "VALIDATION_ERROR" } },
  { name: "SQL as the email", door: "sign-in", method: "POST", path: SIGN_IN, caller: "anonymous", headers: JSON_TYPE, body: () => json({ email: "admin@example.test' OR '1'='1", password: "' OR 1=1 --" }), expect: { status: 400, code: "INVALID_EMAIL" } },
  { name: "a wrong password for the admin", door: "sign-in", method: "POST", path: SIGN_IN, caller: "anonymous", headers: JSON_TYPE, body: (t) => json({ email: t.adminEmail, password: "definitely-not-the-password" }), expect: { status: 401, code: "INVALID_EMAIL_OR_PASSWORD" } },
  { name: "a NUL in the email", door: "sign-in", method: "POST", path: SIGN_IN, caller: "anonymous", headers: JSON_TYPE, body: () => json({ email: "admin\u0000@example.test", password: "whatever-password" }), expect: { status: 400, code: "invalid_encoding" } },
  { name: "a NUL in a form body", door: "sign-in", method: "POST", path: SIGN_IN, caller: "anonymous", headers: { "content-type": "application/x-www-form-urlencoded" }, body: () => "email=a%00%40example.test&password=whatever-password", expect: { status: 400, code: "invalid_encoding" } },
  { name: "nested 30,000 deep", door: "sign-in", method: "POST", path: SIGN_IN, caller: "anonymous", headers: JSON_TYPE, body: () => `{"email": ${deepJson(30_000)}, "password": "x"}`, expect: { status: 400, code: "invalid" } },
  { name: "a 1 MB password", door: "sign-in", method: "POST", path: SIGN_IN, caller: "anonymous", headers: JSON_TYPE, body: (t) => json({ email: t.adminEmail, password: big(1_000_000) }), expect: { status: 413, code: "too_large" } },
  { name: "text/plain", door: "sign-in", method: "POST", path: SIGN_IN, caller: "anonymous", headers: { "content-type": "text/plain" }, body: () => json({ email: "a@example.test", password: "whatever-password" }), expect: { status: 415, code: "UNSUPPORTED_MEDIA_TYPE" } },
];

const tokenUses: HostileCase[] = [
  { name: "the engineer token of a person demoted to viewer edits an item", door: "token use", method: "PATCH", path: itemPath(), caller: "demoted-token", headers: JSON_TYPE, body: itemPatch((t) => ({ version: t.itemVersion, title: "x" })), expect: { status: 403, code: "forbidden" } },
  { name: "the engineer token of a person demoted to viewer imports a backlog", door: "token use", method: "POST", path: importPath(), caller: "demoted-token", headers: MARKDOWN, body: () => BACKLOG, expect: { status: 403, code: "forbidden" } },
  { name: "a garbage bearer token", door: "token use", method: "POST", path: importPath(), caller: "anonymous", headers: { ...MARKDOWN, authorization: "Bearer garbage" }, body: () => BACKLOG, expect: { status: 401, code: "unauthenticated" } },
  { name: "a well-formed token that does not exist", door: "token use", method: "POST", path: importPath(), caller: "anonymous", headers: { ...MARKDOWN, authorization: `Bearer cbt_AAAAAAAA_${"A".repeat(43)}` }, body: () => BACKLOG, expect: { status: 401, code: "unauthenticated" } },
  { name: "SQL as the token", door: "token use", method: "POST", path: uploadPath(), caller: "anonymous", headers: { ...JSON_TYPE, authorization: "Bearer ' OR '1'='1' --" }, body: () => RESULTS, expect: { status: 401, code: "unauthenticated" } },
  { name: "Basic credentials", door: "token use", method: "POST", path: uploadPath(), caller: "anonymous", headers: { ...JSON_TYPE, authorization: `Basic ${Buffer.from("admin:admin").toString("base64")}` }, body: () => RESULTS, expect: { status: 401, code: "unauthenticated" } },
  { name: "a bare scheme", door: "token use", method: "PATCH", path: itemPath(), caller: "anonymous", headers: { ...JSON_TYPE, authorization: "Bearer" }, body: itemPatch((t) => ({ version: t.itemVersion, title: "x" })), expect: { status: 401, code: "unauthenticated" } },
  { name: "a 10 KB token", door: "token use", method: "PATCH", path: itemPath(), caller: "anonymous", headers: { ...JSON_TYPE, authorization: `Bearer cbt_${big(10_000, "A")}` }, body: itemPatch((t) => ({ version: t.itemVersion, title: "x" })), expect: { status: 401, code: "unauthenticated" } },
  { name: "a 20 KB Authorization header (Node answers 431)", door: "token use", method: "PATCH", path: itemPath(), caller: "anonymous", headers: { ...JSON_TYPE, authorization: `Bearer ${big(20_000, "A")}` }, body: itemPatch((t) => ({ version: t.itemVersion, title: "x" })), expect: { status: 431, code: "http-431" } },
  { name: "a 20 KB cookie with a valid token (Node answers 431)", door: "token use", method: "POST", path: importPath(), caller: "engineer-token", headers: { ...MARKDOWN, cookie: `junk=${big(20_000)}` }, body: () => BACKLOG, expect: { status: 431, code: "http-431" } },
  { name: "300 headers of 100 bytes (Node answers 431)", door: "token use", method: "POST", path: importPath(), caller: "engineer-token", headers: { ...MARKDOWN, ...Object.fromEntries(Array.from({ length: 300 }, (_, i) => [`x-padding-${i}`, big(100)])) }, body: () => BACKLOG, expect: { status: 431, code: "http-431" } },
  { name: "a CR inside a header value (Node answers 400)", door: "token use", method: "POST", path: importPath(), caller: "engineer-token", rawHeaders: ["Content-Type: text/markdown", "X-Evil: a\rInjected: b", "Content-Length: 7"], body: () => "# x\n\nx", expect: { status: 400, code: "http-400" } },
  { name: "broken chunked framing (Node answers 400)", door: "token use", method: "POST", path: importPath(), caller: "engineer-token", rawHeaders: ["Content-Type: text/markdown", "Transfer-Encoding: chunked"], body: () => "ZZZ\r\n# x\r\n0\r\n\r\n", expect: { status: 400, code: "http-400" } },
  { name: "Content-Length and Transfer-Encoding together (smuggling; Node answers 400)", door: "token use", method: "POST", path: importPath(), caller: "engineer-token", rawHeaders: ["Content-Type: text/markdown", "Content-Length: 4", "Transfer-Encoding: chunked"], body: () => "0\r\n\r\nPOST /api/v1/backlog/import HTTP/1.1\r\n\r\n", expect: { status: 400, code: "http-400" } },
];

const assigns: HostileCase[] = [
  { name: "malformed JSON", door: "run assign", method: "POST", path: assignPath(), caller: "engineer-token", headers: JSON_TYPE, body: () => '{"component": ', expect: { status: 400, code: "invalid" } },
  { name: "both a component and createComponent", door: "run assign", method: "POST", path: assignPath(), caller: "engineer-token", headers: JSON_TYPE, body: (t) => json({ component: t.component, createComponent: true }), expect: { status: 400, code: "invalid" } },
  { name: "createComponent as text", door: "run assign", method: "POST", path: assignPath(), caller: "engineer-token", headers: JSON_TYPE, body: () => json({ createComponent: "yes" }), expect: { status: 400, code: "invalid" } },
  { name: "an unknown key", door: "run assign", method: "POST", path: assignPath(), caller: "engineer-token", headers: JSON_TYPE, body: (t) => json({ component: t.component, productId: "x" }), expect: { status: 400, code: "invalid" } },
  { name: "not a run id", door: "run assign", method: "POST", path: assignPath(q("1 OR 1=1")), caller: "engineer-token", headers: JSON_TYPE, body: (t) => json({ component: t.component }), expect: { status: 400, code: "invalid" } },
  { name: "a run that does not exist", door: "run assign", method: "POST", path: assignPath(), caller: "engineer-token", headers: JSON_TYPE, body: (t) => json({ component: t.component }), expect: { status: 404, code: "not_found" } },
  { name: "a viewer's session", door: "run assign", method: "POST", path: assignPath(), caller: "viewer-cookie", headers: JSON_TYPE, body: (t) => json({ component: t.component }), expect: { status: 403, code: "forbidden" } },
  { name: "text/plain", door: "run assign", method: "POST", path: assignPath(), caller: "engineer-token", headers: { "content-type": "text/plain" }, body: () => "component=x", expect: { status: 415, code: "unsupported_media_type" } },
];

const signOffs: HostileCase[] = [
  { name: "a status that does not exist", door: "sign-off PUT", method: "PUT", path: signOffPath(), caller: "engineer-token", headers: JSON_TYPE, body: () => json({ status: "done" }), expect: { status: 400, code: "invalid" } },
  { name: "not applicable without a reason", door: "sign-off PUT", method: "PUT", path: signOffPath(), caller: "engineer-token", headers: JSON_TYPE, body: () => json({ status: "not_applicable" }), expect: { status: 400, code: "invalid" } },
  { name: "a javascript: link", door: "sign-off PUT", method: "PUT", path: signOffPath(), caller: "engineer-token", headers: JSON_TYPE, body: () => json({ status: "met", link: "javascript:alert(1)" }), expect: { status: 400, code: "invalid" } },
  { name: "an expiry that is not a date", door: "sign-off PUT", method: "PUT", path: signOffPath(), caller: "engineer-token", headers: JSON_TYPE, body: () => json({ status: "met", expiresAt: "tomorrow" }), expect: { status: 400, code: "invalid" } },
  { name: "an expiry a century away", door: "sign-off PUT", method: "PUT", path: signOffPath(), caller: "engineer-token", headers: JSON_TYPE, body: () => json({ status: "met", expiresAt: "2126-01-01" }), expect: { status: 400, code: "invalid" } },
  { name: "a 4,001-character note", door: "sign-off PUT", method: "PUT", path: signOffPath(), caller: "engineer-token", headers: JSON_TYPE, body: () => json({ status: "met", note: big(4001) }), expect: { status: 400, code: "invalid" } },
  { name: "a NUL in the note", door: "sign-off PUT", method: "PUT", path: signOffPath(), caller: "engineer-token", headers: JSON_TYPE, body: () => json({ status: "met", note: "ok\u0000" }), expect: { status: 400, code: "invalid_encoding" } },
  { name: "the privileged review by hand", door: "sign-off PUT", method: "PUT", path: signOffPath("CTR-11"), caller: "engineer-token", headers: JSON_TYPE, body: () => json({ status: "met" }), expect: { status: 400, code: "invalid" } },
  { name: "a bundle requirement on an image", door: "sign-off PUT", method: "PUT", path: signOffPath("OPB-05"), caller: "engineer-token", headers: JSON_TYPE, body: () => json({ status: "met" }), expect: { status: 400, code: "invalid" } },
  { name: "a code not in the catalog", door: "sign-off PUT", method: "PUT", path: signOffPath("CTR-99"), caller: "engineer-token", headers: JSON_TYPE, body: () => json({ status: "met" }), expect: { status: 404, code: "not_found" } },
  { name: "a viewer's session", door: "sign-off PUT", method: "PUT", path: signOffPath(), caller: "viewer-cookie", headers: JSON_TYPE, body: () => json({ status: "met" }), expect: { status: 403, code: "forbidden" } },
];

const newItemPath = (t: Targets) => `/api/v1/items?product=${q(t.product)}`;
const bulkPath = (t: Targets) => `/api/v1/items/bulk?product=${q(t.product)}`;
const commentPath = (t: Targets) => `/api/v1/items/${q(t.item)}/comments?product=${q(t.product)}`;
const planning: HostileCase[] = [
  { name: "a title of 301 characters", door: "item POST", method: "POST", path: newItemPath, caller: "engineer-cookie", headers: JSON_TYPE, body: () => json({ title: big(301, "t"), category: "critical_blocker" }), expect: { status: 400, code: "invalid" } },
  { name: "an effort that is not one", door: "item POST", method: "POST", path: newItemPath, caller: "engineer-token", headers: JSON_TYPE, body: () => json({ title: "x", category: "compliant", effortText: "soonish" }), expect: { status: 400, code: "invalid" } },
  { name: "a due date of 2027-02-30", door: "item POST", method: "POST", path: newItemPath, caller: "engineer-token", headers: JSON_TYPE, body: () => json({ title: "x", category: "compliant", dueDate: "2027-02-30" }), expect: { status: 400, code: "invalid" } },
  { name: "the existing item's key", door: "item POST", method: "POST", path: newItemPath, caller: "engineer-token", headers: JSON_TYPE, body: (t) => json({ key: t.item, title: "x", category: "compliant" }), expect: { status: 409, code: "conflict" } },
  { name: "a key with a path in it", door: "item POST", method: "POST", path: newItemPath, caller: "engineer-token", headers: JSON_TYPE, body: () => json({ key: "../P0-1", title: "x", category: "compliant" }), expect: { status: 400, code: "invalid" } },
  { name: "an assignee who does not exist", door: "item POST", method: "POST", path: newItemPath, caller: "engineer-token", headers: JSON_TYPE, body: () => json({ title: "x", category: "compliant", assignee: "nobody@nowhere.test" }), expect: { status: 400, code: "invalid" } },
  { name: "a viewer's session", door: "item POST", method: "POST", path: newItemPath, caller: "viewer-cookie", headers: JSON_TYPE, body: () => json({ title: "x", category: "compliant" }), expect: { status: 403, code: "forbidden" } },
  { name: "a stale version", door: "items bulk", method: "POST", path: bulkPath, caller: "engineer-cookie", headers: JSON_TYPE, body: (t) => json({ items: [{ key: t.item, version: t.itemVersion + 7 }], set: { status: "done" } }), expect: { status: 409, code: "conflict" } },
  { name: "501 items", door: "items bulk", method: "POST", path: bulkPath, caller: "engineer-token", headers: JSON_TYPE, body: (t) => json({ items: Array.from({ length: 501 }, (_, i) => ({ key: i === 0 ? t.item : `X-${i}`, version: 1 })), set: { status: "done" } }), expect: { status: 400, code: "invalid" } },
  { name: "a field bulk does not set", door: "items bulk", method: "POST", path: bulkPath, caller: "engineer-token", headers: JSON_TYPE, body: (t) => json({ items: [{ key: t.item, version: t.itemVersion }], set: { title: "renamed" } }), expect: { status: 400, code: "invalid" } },
  { name: "one known and one unknown item", door: "items bulk", method: "POST", path: bulkPath, caller: "engineer-token", headers: JSON_TYPE, body: (t) => json({ items: [{ key: t.item, version: t.itemVersion }, { key: "NOPE-1", version: 1 }], set: { status: "done" } }), expect: { status: 404, code: "not_found" } },
  { name: "a body of 20,001 characters", door: "comment POST", method: "POST", path: commentPath, caller: "viewer-cookie", headers: JSON_TYPE, body: () => json({ body: big(20_001, "c") }), expect: { status: 400, code: "invalid" } },
  { name: "20,000 nested quotes", door: "comment POST", method: "POST", path: commentPath, caller: "engineer-token", headers: JSON_TYPE, body: () => json({ body: ">".repeat(20_000) }), expect: { status: 422, code: "not_markdown" } },
  { name: "only whitespace", door: "comment POST", method: "POST", path: commentPath, caller: "engineer-cookie", headers: JSON_TYPE, body: () => json({ body: " \n\t " }), expect: { status: 400, code: "invalid" } },
  { name: "a NUL in the body", door: "comment POST", method: "POST", path: commentPath, caller: "engineer-cookie", headers: JSON_TYPE, body: () => '{"body": "a\\u0000b"}', expect: { status: 400, code: "invalid_encoding" } },
];

export const CORPUS: readonly HostileCase[] = [...uploads, ...imports, ...items, ...planning, ...components, ...exceptions, ...phases, ...assigns, ...signOffs, ...users, ...tokens, ...signIns, ...tokenUses];
