import { NextResponse } from "next/server";
import { z } from "zod";
import { actorOf } from "@/lib/auth/schema";
import { AppError } from "@/lib/errors";
import { readBodyBytes, readQuery, requireMediaType, route } from "@/lib/http";
import { listRuns, runListQuerySchema } from "@/lib/preflight/data";
import { productFor } from "@/lib/products/data";
import { ingestPreflightRuns } from "@/lib/preflight/mutations";
import { prepareUpload, type UploadFile } from "@/lib/preflight/prepare-upload";
import { readArchive, type ArchiveType } from "@/lib/preflight/read-archive";
import { MAX_RESULTS_FILE_BYTES, MAX_UPLOAD_BYTES, UPLOAD_MEDIA_TYPES } from "@/lib/preflight/upload-limits";

const flag = z.enum(["true", "false", "1", "0"], { error: "true or false" }).transform((v) => v === "true" || v === "1");

const uploadQuerySchema = z.object({
  product: z.string().max(100).optional(),
  component: z.string().max(100).optional(),
  arch: z.string().regex(/^[a-z0-9_]{1,20}$/, "arch: a name such as amd64 or arm64").optional(),
  /** Attach to `component` even when its registered repository is another one (kept on the run as a warning). */
  force: flag.optional(),
  /** Create a component for the run's image when none is registered, instead of storing the run unassigned. */
  createComponent: flag.optional(),
});

export const GET = route("read", async (req, _ctx, principal) => {
  const query = readQuery(req, runListQuerySchema);
  const { slug } = await productFor(principal, query.product, "read");
  return NextResponse.json(await listRuns({ ...query, product: slug }));
});

export const POST = route("upload_results", async (req, _ctx, principal) => {
  const type = requireMediaType(req, UPLOAD_MEDIA_TYPES);
  const query = readQuery(req, uploadQuerySchema);
  let files: UploadFile[];
  let fields = query;
  if (type === "application/json") {
    files = [{ name: "results.json", bytes: await readBodyBytes(req, MAX_RESULTS_FILE_BYTES), role: "results" }];
  } else if (type === "multipart/form-data") {
    ({ files, fields } = await readForm(req, query));
  } else {
    // application/gzip, application/x-gzip, application/zip: preflight's artifacts folder, packed.
    files = readArchive(await readBodyBytes(req, MAX_UPLOAD_BYTES), type === "application/zip" ? "zip" : "gzip", dispositionName(req));
  }
  const runs = prepareUpload(files, { arch: fields.arch });
  const result = await ingestPreflightRuns({
    runs,
    componentSlug: fields.component,
    force: fields.force,
    createComponent: fields.createComponent,
    productSlug: fields.product,
    actor: actorOf(principal),
  });
  const allDuplicates = result.runs.every((run) => run.duplicate);
  return NextResponse.json(result, { status: allDuplicates ? 200 : 201 });
});

async function readForm(req: Request, query: z.infer<typeof uploadQuerySchema>) {
  const declared = Number(req.headers.get("content-length") ?? "NaN");
  if (Number.isFinite(declared) && declared > MAX_UPLOAD_BYTES) throw new AppError("too_large", "The upload is larger than 50 MiB.");
  let form: FormData;
  try {
    form = await req.formData();
  } catch {
    throw new AppError("invalid", "The multipart body could not be read.");
  }
  const files: UploadFile[] = [];
  let total = 0;
  for (const [field, role] of [["results", "results"], ["certImage", "certImage"], ["log", "log"]] as const) {
    for (const value of form.getAll(field)) {
      if (typeof value === "string") throw new AppError("invalid", `${field}: send a file, not a text field.`);
      // A results archive (the artifacts folder as .tar.gz/.tgz/.zip, or a gzipped results.json) is unpacked.
      const archive = role === "results" ? archiveTypeOf(value) : null;
      if (role !== "log" && !archive && value.size > MAX_RESULTS_FILE_BYTES) throw new AppError("too_large", `${value.name}: larger than 5 MiB.`);
      total += value.size;
      if (total > MAX_UPLOAD_BYTES) throw new AppError("too_large", "The upload is larger than 50 MiB.");
      const bytes = new Uint8Array(await value.arrayBuffer());
      if (archive) files.push(...readArchive(bytes, archive, value.name));
      else files.push({ name: value.name || `${field}.json`, bytes, role });
    }
  }
  if (!files.some((f) => f.role === "results")) throw new AppError("invalid", "results: attach at least one results.json.");
  const text = (name: string) => {
    const value = form.get(name);
    return typeof value === "string" && value ? value : undefined;
  };
  const fields = uploadQuerySchema.parse({
    ...query,
    component: text("component") ?? query.component,
    arch: text("arch") ?? query.arch,
    force: text("force") ?? query.force?.toString(),
    createComponent: text("createComponent") ?? query.createComponent?.toString(),
  });
  return { files, fields };
}

function archiveTypeOf(file: File): ArchiveType | null {
  const name = file.name.toLowerCase();
  if (/\.(tar\.gz|tgz|gz)$/.test(name) || file.type === "application/gzip" || file.type === "application/x-gzip") return "gzip";
  if (name.endsWith(".zip") || file.type === "application/zip") return "zip";
  return null;
}

/** `Content-Disposition: attachment; filename="artifacts.tar.gz"`, when the client sends one: it names the archive in errors. */
function dispositionName(req: Request): string | undefined {
  const match = /filename\s*=\s*"?([^";]+)"?/i.exec(req.headers.get("content-disposition") ?? "");
  return match?.[1]?.trim() || undefined;
}
