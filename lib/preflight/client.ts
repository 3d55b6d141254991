import { z } from "zod";
import { ApiError, apiFetch } from "@/lib/api-client";

// Browser side of preflight uploads: the wire shapes of POST /api/v1/preflight/runs and an
// XMLHttpRequest sender (fetch cannot report upload progress). No React and no server modules
// here, so the run page (a server component) can share the diff reader.

const names = z.array(z.string()).catch([]);

/** A run's diff as stored: older rows or duplicates may lack a list, which then reads as empty. */
export const runDiffSchema = z.object({
  newlyFailed: names,
  newlyPassed: names,
  newlyErrored: names,
  added: names,
  removed: names,
  preflightVersionChanged: z.object({ from: z.string(), to: z.string() }).nullable().catch(null),
});
export type RunDiffView = z.infer<typeof runDiffSchema>;

export function readRunDiff(value: unknown): RunDiffView | null {
  const parsed = runDiffSchema.safeParse(value);
  return parsed.success ? parsed.data : null;
}

/**
 * Without a previous run the differ adds every check and nothing else (see diff-runs.ts), so a
 * diff whose "added" is exactly the run's checks had no baseline.
 */
export function isFirstRunDiff(diff: RunDiffView, checkNames: readonly string[]): boolean {
  const names = new Set(checkNames);
  if (names.size === 0 || diff.removed.length > 0 || diff.newlyPassed.length > 0 || diff.preflightVersionChanged) return false;
  return diff.added.length === names.size && diff.added.every((name) => names.has(name));
}

/** The same test for an upload's answer, which carries counts rather than check names. */
export function isFirstUploadedRun(run: UploadedRun): boolean {
  const { diff, counts } = run;
  const total = counts.passed + counts.failed + counts.errors + counts.warnings;
  if (run.duplicate || total === 0 || diff.removed.length > 0 || diff.newlyPassed.length > 0 || diff.preflightVersionChanged) return false;
  return diff.added.length === total;
}

export const runUrl = (id: string) => `/runs/${encodeURIComponent(id)}`;

/** The comparison of two runs (`from` → `to`); the product scopes both. */
export function compareRunsUrl(query: { from: string; to: string; product?: string | null }): string {
  const params = new URLSearchParams({ from: query.from, to: query.to });
  if (query.product) params.set("product", query.product);
  return `/runs/compare?${params.toString()}`;
}

export type RunsQuery = Partial<Record<"product" | "component" | "arch" | "offset", string | number | undefined>>;

export function runsUrl(query: RunsQuery): string {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(query)) {
    if (value !== undefined && value !== "" && !(name === "offset" && value === 0)) params.set(name, String(value));
  }
  const qs = params.toString();
  return qs ? `/runs?${qs}` : "/runs";
}

/** The CI gate of a run (lib/preflight/gate.ts): checks that failed or errored, and those of them new since the previous run. */
export const runGateSchema = z.object({ failed: z.array(z.string()), regressed: z.array(z.string()) });
export type RunGate = z.infer<typeof runGateSchema>;

const countsSchema = z.object({ passed: z.number(), failed: z.number(), errors: z.number(), warnings: z.number() });

export const uploadedRunSchema = z.object({
  id: z.string(),
  /** Null while the run is unassigned: no component is registered for its image. */
  component: z.string().nullable(),
  unassigned: z.boolean().catch(false),
  image: z.string(),
  arch: z.string(),
  preflightVersion: z.string(),
  policy: z.string().nullable(),
  passed: z.boolean(),
  counts: countsSchema,
  duplicate: z.boolean(),
  diff: runDiffSchema,
  gate: runGateSchema,
  items: z.object({ opened: names, reopened: names, verified: names, flagged: names }),
});
export type UploadedRun = z.infer<typeof uploadedRunSchema>;

export const uploadResultSchema = z.object({ runs: z.array(uploadedRunSchema), warnings: names });
export type UploadResult = z.infer<typeof uploadResultSchema>;

/** POST /api/v1/preflight/runs/{id}/assign: attaches an unassigned run (see lib/preflight/mutations.ts assignRun). */
export async function assignRun(product: string | undefined, id: string, body: { component?: string; createComponent?: true; force?: boolean }): Promise<UploadResult> {
  const query = product ? `?product=${encodeURIComponent(product)}` : "";
  return uploadResultSchema.parse(
    await apiFetch<unknown>(`/api/v1/preflight/runs/${encodeURIComponent(id)}/assign${query}`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(body),
    }),
  );
}

export const ARCHIVE_MEDIA_TYPES = { gzip: "application/gzip", zip: "application/zip" } as const;
export type ArchiveMediaType = (typeof ARCHIVE_MEDIA_TYPES)[keyof typeof ARCHIVE_MEDIA_TYPES];

/** The media type an archive is sent with, from its name; null for anything that is not an archive. */
export function archiveMediaType(fileName: string): ArchiveMediaType | null {
  const name = fileName.toLowerCase();
  if (name.endsWith(".tar.gz") || name.endsWith(".tgz") || name.endsWith(".gz")) return ARCHIVE_MEDIA_TYPES.gzip;
  if (name.endsWith(".zip")) return ARCHIVE_MEDIA_TYPES.zip;
  return null;
}

export type UploadProgress = { loaded: number; total: number };

export type UploadRequest = {
  /** A FormData (the browser sets the multipart boundary) or one archive with its media type and name. */
  body: FormData | { blob: Blob; contentType: ArchiveMediaType; fileName?: string };
  query?: Record<string, string | undefined>;
  onProgress?: (progress: UploadProgress) => void;
  /** Every byte is sent; the server is now parsing and storing. */
  onSent?: () => void;
  signal?: AbortSignal;
};

export const PREFLIGHT_RUNS_PATH = "/api/v1/preflight/runs";

function urlWith(query: UploadRequest["query"]): string {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(query ?? {})) if (value) params.set(name, value);
  const qs = params.toString();
  return qs ? `${PREFLIGHT_RUNS_PATH}?${qs}` : PREFLIGHT_RUNS_PATH;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return null;
  }
}

const errorBodySchema = z.object({ error: z.object({ code: z.string().optional(), message: z.string().optional() }) });

/** The API's error contract, or a plain sentence when something in between (a proxy) answered. */
function errorFrom(status: number, text: string): ApiError {
  const parsed = errorBodySchema.safeParse(parseJson(text));
  if (parsed.success && parsed.data.error.message) return new ApiError(status, parsed.data.error.code ?? "http_error", parsed.data.error.message);
  if (status === 413) return new ApiError(status, "too_large", "The upload is too large for the server.");
  return new ApiError(status, "http_error", `The server answered ${status}.`);
}

/**
 * Posts one upload and resolves with the stored runs; rejects with an ApiError carrying the
 * server's code and message (status 0 for network failures and cancellations).
 */
export function sendPreflightUpload(request: UploadRequest): Promise<UploadResult> {
  return new Promise((resolve, reject) => {
    if (request.signal?.aborted) return reject(new ApiError(0, "aborted", "Upload cancelled."));
    const xhr = new XMLHttpRequest();
    const abort = () => xhr.abort();
    const done = () => request.signal?.removeEventListener("abort", abort);
    xhr.open("POST", urlWith(request.query));
    xhr.setRequestHeader("accept", "application/json");
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable) request.onProgress?.({ loaded: event.loaded, total: event.total });
    };
    xhr.upload.onload = () => request.onSent?.();
    xhr.onload = () => {
      done();
      if (xhr.status < 200 || xhr.status >= 300) return reject(errorFrom(xhr.status, xhr.responseText));
      const parsed = uploadResultSchema.safeParse(parseJson(xhr.responseText));
      if (parsed.success) resolve(parsed.data);
      else reject(new ApiError(xhr.status, "bad_response", "The server's answer could not be read; open the runs list to see whether the upload was stored."));
    };
    xhr.onerror = () => {
      done();
      reject(new ApiError(0, "network", "Could not reach the server. Check your connection and try again."));
    };
    xhr.onabort = () => {
      done();
      reject(new ApiError(0, "aborted", "Upload cancelled."));
    };
    request.signal?.addEventListener("abort", abort);
    if (request.body instanceof FormData) {
      xhr.send(request.body);
    } else {
      xhr.setRequestHeader("content-type", request.body.contentType);
      // The server names the archive in its errors from this header; header values must be plain ASCII.
      const name = request.body.fileName?.replace(/[^\x20-\x7e]|["\\]/g, "_");
      if (name) xhr.setRequestHeader("content-disposition", `attachment; filename="${name}"`);
      xhr.send(request.body.blob);
    }
  });
}
