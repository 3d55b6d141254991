import { zipSync } from "fflate";
import { z } from "zod";
import { runGateSchema } from "@/lib/preflight/client";
import { breachText, gateBreaches, type FailOn, type GatedRun } from "@/lib/preflight/gate";
import type { IngestResult } from "@/lib/preflight/mutations";
import { collectArtifacts } from "./artifacts";
import { formatIngest } from "./format-ingest";

export type UploadOptions = { url: string; token: string; component?: string; arch?: string; force?: boolean; createComponent?: boolean; failOn?: FailOn; json?: boolean };

/** `certboard upload --help` ends with these; README's CLI section and docs/ci.md say the same. */
export const UPLOAD_EXIT_CODES = `
Exit codes:
  0  every request was accepted, and the --fail-on condition does not hold
  1  bad arguments (an unknown option, an invalid --fail-on, no --url or --token), no artifacts
     at the paths given, the server refused a request (its status and reason are printed), or
     with --fail-on its answer did not say which checks failed
  2  the --fail-on condition holds (stderr names each run and its checks)
  3  the server could not be reached (a pipeline can retry this one)
`;

/** What --fail-on reads of an answer: every run with its gate (a server without the gate fails the parse). */
const gatedAnswerSchema = z.object({
  runs: z.array(z.object({ component: z.string().nullable(), image: z.string(), arch: z.string(), gate: runGateSchema })),
});

const ARCHIVE_TYPES: Record<string, string> = { zip: "application/zip", gz: "application/gzip", tgz: "application/gzip" };

/**
 * Sends artifacts to a Certboard server as a pipeline would: the files and folders packed into one
 * zip (relative names keep amd64/results.json beside amd64/cert-image.json), each archive given
 * as it is. Returns the process exit code (UPLOAD_EXIT_CODES): 0 only when every request was
 * accepted and, with `failOn`, no run meets the condition.
 */
export async function uploadArtifacts(paths: string[], options: UploadOptions): Promise<number> {
  const failOn = options.failOn ?? "none";
  const { files, archives } = await collectArtifacts(paths);
  const query = new URLSearchParams();
  if (options.component) query.set("component", options.component);
  if (options.arch) query.set("arch", options.arch);
  if (options.force) query.set("force", "true");
  if (options.createComponent) query.set("createComponent", "true");
  const endpoint = `${options.url.replace(/\/+$/, "")}/api/v1/preflight/runs${query.size ? `?${query}` : ""}`;
  const headers = { authorization: `Bearer ${options.token}`, accept: "application/json" };

  const requests: { label: string; init: RequestInit }[] = [];
  if (files.length) {
    const zip = zipSync(Object.fromEntries(files.map((file) => [file.name, file.bytes])));
    const label = paths.length === 1 ? paths[0]! : `${files.length} files`;
    requests.push({
      label,
      init: { method: "POST", headers: { ...headers, "content-type": "application/zip", "content-disposition": 'attachment; filename="artifacts.zip"' }, body: Buffer.from(zip) },
    });
  }
  for (const archive of archives) {
    const extension = archive.name.split(".").pop()?.toLowerCase() ?? "";
    const type = ARCHIVE_TYPES[extension] ?? "application/gzip";
    requests.push({ label: archive.name, init: { method: "POST", headers: { ...headers, "content-type": type }, body: Buffer.from(archive.bytes) } });
  }

  let code = 0;
  const gated: GatedRun[] = [];
  for (const { label, init } of requests) {
    let response: Response;
    try {
      response = await fetch(endpoint, { ...init, signal: AbortSignal.timeout(120_000) });
    } catch (error) {
      console.error(`certboard: ${label}: could not reach ${options.url} (${(error as Error).message})`);
      code = 3;
      continue;
    }
    const body: unknown = await response.json().catch(() => null);
    if (!response.ok) {
      const error = (body as { error?: { code?: string; message?: string } } | null)?.error;
      console.error(`certboard: ${label}: ${response.status} ${error?.code ?? ""} ${error?.message ?? "the server refused the upload"}`.trim());
      code = 1;
      continue;
    }
    console.log(options.json ? JSON.stringify(body, null, 2) : formatIngest(body as IngestResult));
    if (failOn === "none") continue;
    const answer = gatedAnswerSchema.safeParse(body);
    if (answer.success) gated.push(...answer.data.runs);
    else {
      console.error(`certboard: ${label}: the server's answer does not say which checks failed (is it older than --fail-on?), so --fail-on ${failOn} cannot be decided.`);
      code = 1;
    }
  }
  if (failOn === "none") return code;
  const breaches = gateBreaches(gated, failOn);
  for (const breach of breaches) console.error(`certboard: --fail-on ${failOn}: ${breachText(breach, failOn)}`);
  return code === 0 && breaches.length > 0 ? 2 : code;
}
