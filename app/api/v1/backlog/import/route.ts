import { NextResponse } from "next/server";
import { importActorFor } from "@/lib/auth/schema";
import { importBacklog, MAX_IMPORT_BYTES } from "@/lib/backlog/mutations";
import { importQuerySchema } from "@/lib/backlog/schema";
import { readBodyBytes, readQuery, requireMediaType, route } from "@/lib/http";
import { productForImport } from "@/lib/products/data";

export const POST = route("import_backlog", async (req, _ctx, principal) => {
  requireMediaType(req, ["text/markdown", "text/x-markdown", "text/plain"]);
  const { product: named, dryRun } = readQuery(req, importQuerySchema);
  // A product that does not exist yet is created by the import (unrestricted); one the caller may not see is 404.
  const product = (await productForImport(principal, named))?.slug ?? named;
  const document = await readBodyBytes(req, MAX_IMPORT_BYTES);
  const result = await importBacklog({ document, productSlug: product, actor: importActorFor(principal), dryRun });
  return NextResponse.json(result, { status: result.created > 0 && !dryRun ? 201 : 200 });
});
