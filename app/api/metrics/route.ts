import { publicRoute } from "@/lib/http";
import { assertMetricsAccess } from "@/lib/metrics/access";
import { registerMetrics } from "@/lib/metrics/data";
import { METRICS_CONTENT_TYPE, metricsText } from "@/lib/metrics/registry";

// Its own guard (lib/metrics/access.ts): a scrape token or this machine, not a user's permission.
export const GET = publicRoute(async (req) => {
  assertMetricsAccess(req.headers);
  registerMetrics();
  return new Response(await metricsText(), { headers: { "content-type": METRICS_CONTENT_TYPE, "cache-control": "no-store" } });
});
