import { readQuery, route } from "@/lib/http";
import { productFor } from "@/lib/products/data";
import { getStatusReport } from "@/lib/overview/data";
import { renderStatusReport } from "@/lib/overview/report-markdown";
import { reportQuerySchema } from "@/lib/overview/schema";

export const GET = route("read", async (req, _ctx, principal) => {
  const product = (await productFor(principal, readQuery(req, reportQuerySchema).product, "read")).slug;
  const report = await getStatusReport(product);
  const day = report.generatedAt.slice(0, 10);
  return new Response(renderStatusReport(report), {
    headers: {
      "content-type": "text/markdown; charset=utf-8",
      "content-disposition": `attachment; filename="${report.product.slug}-status-${day}.md"`,
      "cache-control": "no-store",
    },
  });
});
