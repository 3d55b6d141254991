import { NextResponse } from "next/server";
import { z } from "zod";
import { actorOf } from "@/lib/auth/schema";
import { AppError } from "@/lib/errors";
import { readBodyBytes, readQuery, requireMediaType, route } from "@/lib/http";
import { countUpload } from "@/lib/metrics/registry";
import { listRuns, runListQuerySchema } from "@/lib/preflight/data";
import { uploadQuerySchema } from "@/lib/preflight/schema";
import { productFor } from "@/lib/products/data";
import { ingestPreflightRuns } from "@/lib/preflight/mutations";
import { prepareUpload, type UploadFile } from "@/lib/preflight/prepare-upload";
import { readArchive } from "@/lib/preflight/read-archive";
import { readUploadForm } from "@/lib/preflight/read-upload-form";
import { MAX_RESULTS_FILE_BYTES, MAX_UPLOAD_BYTES, UPLOAD_MEDIA_TYPES } from "@/lib/preflight/upload-limits";

export const GET = route("read", async (req, _ctx, principal) => {
  const query = readQuery(req, runListQuerySchema);
  const { slug } = await productFor(principal, query.product, "read");
  return NextResponse.json(await listRuns({ ...query, product: slug }));
});

const upload = route("upload_results", async (req, _ctx, principal) => {
  const type = requireMediaType(req, UPLOAD_MEDIA_TYPES);
  const query = readQuery(req, uploadQuerySchema);
  // Before any of the body is read: a product this caller may not see (404) or a token scoped elsewhere (403).
  const product = await productFor(principal, query.product, "upload_results");
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
    product,
    actor: actorOf(principal),
  });
  const allDuplicates = result.runs.every((run) => run.duplicate);
  return NextResponse.json(result, { status: allDuplicates ? 200 : 201 });
});

/** Every upload is counted by its outcome (/api/metrics), refusals and failures included. */
export const POST: typeof upload = async (req, ctx) => {
  const response = await upload(req, ctx);
  countUpload(response.status);
  return response;
};

/** Text fields of the form win over the query; an empty field counts as absent. */
async function readForm(req: Request, query: z.infer<typeof uploadQuerySchema>) {
  const { files, fields: form } = await readUploadForm(req);
  if (!files.some((f) => f.role === "results")) throw new AppError("invalid", "results: attach at least one results.json.");
  const fields = uploadQuerySchema.parse({
    ...query,
    component: form.component || query.component,
    arch: form.arch || query.arch,
    force: form.force || query.force?.toString(),
    createComponent: form.createComponent || query.createComponent?.toString(),
  });
  return { files, fields };
}

/** `Content-Disposition: attachment; filename="artifacts.tar.gz"`, when the client sends one: it names the archive in errors. */
function dispositionName(req: Request): string | undefined {
  const match = /filename\s*=\s*"?([^";]+)"?/i.exec(req.headers.get("content-disposition") ?? "");
  return match?.[1]?.trim() || undefined;
}
