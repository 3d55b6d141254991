import { zipSync } from "fflate";
import type { IngestResult } from "@/lib/preflight/mutations";
import { collectArtifacts } from "./artifacts";
import { formatIngest } from "./format-ingest";

export type UploadOptions = { url: string; token: string; component?: string; arch?: string; force?: boolean; createComponent?: boolean; json?: boolean };

const ARCHIVE_TYPES: Record<string, string> = { zip: "application/zip", gz: "application/gzip", tgz: "application/gzip" };

/**
 * Sends artifacts to a Certboard server as a pipeline would: the files and folders packed into one
 * zip (relative names keep amd64/results.json beside amd64/cert-image.json), each archive given
 * as it is. Returns the process exit code: 0 only when every request was accepted.
 */
export async function uploadArtifacts(paths: string[], options: UploadOptions): Promise<number> {
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
  for (const { label, init } of requests) {
    let response: Response;
    try {
      response = await fetch(endpoint, { ...init, signal: AbortSignal.timeout(120_000) });
    } catch (error) {
      console.error(`certboard: ${label}: could not reach ${options.url} (${(error as Error).message})`);
      code = 2;
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
  }
  return code;
}
