import { getBacklogDocument } from "@/lib/backlog/data";
import { exportBacklogCsv } from "@/lib/backlog/export-csv";
import { exportBacklogMarkdown } from "@/lib/backlog/export-markdown";
import { exportQuerySchema } from "@/lib/backlog/schema";
import { readQuery, route } from "@/lib/http";

export const GET = route("read", async (req) => {
  const { product, format } = readQuery(req, exportQuerySchema);
  const doc = await getBacklogDocument(product);
  const body = format === "csv" ? exportBacklogCsv(doc) : exportBacklogMarkdown(doc);
  const type = format === "csv" ? "text/csv" : "text/markdown";
  return new Response(body, {
    headers: {
      "content-type": `${type}; charset=utf-8`,
      "content-disposition": `attachment; filename="${doc.product}-backlog.${format}"`,
    },
  });
});
