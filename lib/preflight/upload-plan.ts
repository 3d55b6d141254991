import { archiveMediaType, type ArchiveMediaType, type UploadRequest } from "@/lib/preflight/client";
import { MAX_RESULTS_FILE_BYTES, MAX_UPLOAD_BYTES } from "@/lib/preflight/upload-limits";

// Turns what someone dropped or picked into uploads: each loose results.json alone, each folder as
// one multipart request (its results, cert-image and log files, named by their relative paths so
// the server pairs a results.json with the cert-image.json beside it), each archive alone.

export type PickedFile = { file: File; path: string };
export type PickedFolder = { name: string; files: PickedFile[]; problem?: string };
export type Picked = { loose: File[]; folders: PickedFolder[] };

export type UploadRole = "results" | "certImage" | "log";
export type PlannedFile = { file: File; name: string; role: UploadRole };
export type PlannedUpload =
  | { kind: "results" | "folder"; label: string; files: PlannedFile[]; bytes: number; ignored: string[] }
  | { kind: "archive"; label: string; file: File; contentType: ArchiveMediaType; bytes: number }
  | { kind: "skipped"; label: string; problem: string };

export type UploadTarget = { component?: string; arch?: string; product?: string };

const baseName = (path: string) => (path.split(/[\\/]/).pop() ?? path).toLowerCase();

/** Inside a folder only preflight's own files are sent; rpm-manifest.json and the like stay behind. */
function folderRole(path: string): UploadRole | null {
  const base = baseName(path);
  if (base.endsWith("cert-image.json")) return "certImage";
  if (base.endsWith(".log")) return "log";
  if (base.endsWith("results.json")) return "results";
  return null;
}

/** A loose .json was chosen on purpose (captured stdout, a renamed results.json): send it as results. */
function looseRole(name: string): UploadRole | null {
  const base = baseName(name);
  if (base.endsWith("cert-image.json")) return "certImage";
  if (base.endsWith(".log")) return "log";
  if (base.endsWith(".json")) return "results";
  return null;
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KiB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
}

function sizeProblem(files: PlannedFile[]): string | null {
  const big = files.find((f) => f.role !== "log" && f.file.size > MAX_RESULTS_FILE_BYTES);
  if (big) return `${big.name} is ${formatBytes(big.file.size)}; results and cert-image files may be at most ${formatBytes(MAX_RESULTS_FILE_BYTES)}.`;
  const total = files.reduce((sum, f) => sum + f.file.size, 0);
  if (total > MAX_UPLOAD_BYTES) return `These files add up to ${formatBytes(total)}; one upload may be at most ${formatBytes(MAX_UPLOAD_BYTES)}.`;
  return null;
}

const skipped = (label: string, problem: string): PlannedUpload => ({ kind: "skipped", label, problem });

function form(kind: "results" | "folder", label: string, files: PlannedFile[], ignored: string[]): PlannedUpload {
  const problem = sizeProblem(files);
  if (problem) return skipped(label, problem);
  return { kind, label, files, bytes: files.reduce((sum, f) => sum + f.file.size, 0), ignored };
}

function planFolder(folder: PickedFolder): PlannedUpload {
  const label = `${folder.name}/`;
  if (folder.problem) return skipped(label, folder.problem);
  const files: PlannedFile[] = [];
  const ignored: string[] = [];
  for (const { file, path } of [...folder.files].sort((a, b) => a.path.localeCompare(b.path))) {
    const role = folderRole(path);
    if (role) files.push({ file, name: path, role });
    else ignored.push(path);
  }
  if (!files.some((f) => f.role === "results")) return skipped(label, "This folder holds no results.json.");
  return form("folder", label, files, ignored);
}

export function planUploads(picked: Picked): PlannedUpload[] {
  const plans = picked.folders.map(planFolder);
  const results: File[] = [];
  const companions: PlannedFile[] = [];
  const rest: PlannedUpload[] = [];
  for (const file of picked.loose) {
    const contentType = archiveMediaType(file.name);
    if (contentType) {
      rest.push(
        file.size > MAX_UPLOAD_BYTES
          ? skipped(file.name, `The archive is ${formatBytes(file.size)}; one upload may be at most ${formatBytes(MAX_UPLOAD_BYTES)}.`)
          : { kind: "archive", label: file.name, file, contentType, bytes: file.size },
      );
      continue;
    }
    const role = looseRole(file.name);
    if (role === "results") results.push(file);
    else if (role) companions.push({ file, name: file.name, role });
    else rest.push(skipped(file.name, "Not a preflight file: choose results.json, a results folder, or a .tar.gz, .tgz, .gz or .zip archive."));
  }
  // A loose cert-image.json or log can only be paired when exactly one results.json came with it.
  const attach = results.length === 1 ? companions : [];
  for (const file of results) plans.push(form("results", file.name, [{ file, name: file.name, role: "results" }, ...attach], []));
  if (results.length !== 1) {
    for (const c of companions) {
      rest.push(skipped(c.name, "Not uploaded on its own: drop it together with exactly one results.json, or drop the folder that holds them."));
    }
  }
  return [...plans, ...rest];
}

/** Files from a "Choose a folder" picker, grouped by their top folder. */
export function pickedFromFolderInput(files: readonly File[]): Picked {
  const folders = new Map<string, PickedFile[]>();
  for (const file of files) {
    const path = file.webkitRelativePath || file.name;
    const top = path.includes("/") ? (path.split("/")[0] ?? "folder") : "folder";
    const list = folders.get(top) ?? [];
    list.push({ file, path });
    folders.set(top, list);
  }
  return { loose: [], folders: [...folders].map(([name, list]) => ({ name, files: list })) };
}

/** The request for one planned upload; component and arch go where the server reads them. */
export function requestFor(plan: Exclude<PlannedUpload, { kind: "skipped" }>, target: UploadTarget): Pick<UploadRequest, "body" | "query"> {
  if (plan.kind === "archive") {
    return { body: { blob: plan.file, contentType: plan.contentType, fileName: plan.file.name }, query: { product: target.product, component: target.component, arch: target.arch } };
  }
  const body = new FormData();
  for (const f of plan.files) body.append(f.role, f.file, f.name);
  if (target.component) body.append("component", target.component);
  if (target.arch) body.append("arch", target.arch);
  return { body, query: { product: target.product } };
}
