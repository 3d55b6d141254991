import { userIdOf } from "@/lib/auth/schema";
import { getBacklogDocument } from "@/lib/backlog/data";
import { exportBacklogCsv } from "@/lib/backlog/export-csv";
import { exportBacklogMarkdown } from "@/lib/backlog/export-markdown";
import { exportQuerySchema } from "@/lib/backlog/schema";
import { readQuery, route } from "@/lib/http";
import { productFor } from "@/lib/products/data";

const FILTERS = ["category", "status", "priority", "phase", "component", "q", "assignee", "overdue"] as const;

export const GET = route("read", async (req, _ctx, principal) => {
  const { product: named, format, ...filter } = readQuery(req, exportQuerySchema);
  const product = (await productFor(principal, named, "read")).slug;
  // CSV rows follow the item list's sort; the markdown keeps the document's own order.
  const doc = await getBacklogDocument(product, { filter, order: format === "csv" ? "list" : "document", viewer: { userId: userIdOf(principal) } });
  const filtered = FILTERS.some((name) => filter[name] !== undefined);
  const body = format === "csv" ? exportBacklogCsv(doc) : exportBacklogMarkdown(doc);
  const type = format === "csv" ? "text/csv" : "text/markdown";
  return new Response(body, {
    headers: {
      "content-type": `${type}; charset=utf-8`,
      "content-disposition": `attachment; filename="${doc.product}-${filtered ? "items" : "backlog"}.${format}"`,
    },
  });
});
