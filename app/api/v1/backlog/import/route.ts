import { NextResponse } from "next/server";
import { importActorFor } from "@/lib/auth/schema";
import { importBacklog, MAX_IMPORT_BYTES } from "@/lib/backlog/mutations";
import { productQuerySchema } from "@/lib/backlog/schema";
import { readBodyBytes, readQuery, requireMediaType, route } from "@/lib/http";

export const POST = route("import_backlog", async (req, _ctx, principal) => {
  requireMediaType(req, ["text/markdown", "text/x-markdown", "text/plain"]);
  const { product } = readQuery(req, productQuerySchema);
  const document = await readBodyBytes(req, MAX_IMPORT_BYTES);
  const result = await importBacklog({ document, productSlug: product, actor: importActorFor(principal) });
  return NextResponse.json(result, { status: result.created > 0 ? 201 : 200 });
});
