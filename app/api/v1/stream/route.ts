import { personOf } from "@/lib/auth/schema";
import { getPrincipal } from "@/lib/auth/session";
import { productQuerySchema } from "@/lib/backlog/schema";
import { AppError } from "@/lib/errors";
import { readQuery, route } from "@/lib/http";
import { productFor } from "@/lib/products/data";
import { openProductChangeStream } from "@/lib/live/data";

export const dynamic = "force-dynamic";

// Server-sent events: one product's changes as they are committed (see lib/live). A plain GET
// without `Accept: text/event-stream` gets a 400 rather than a response that never ends.
export const GET = route("read", async (req, _ctx, principal) => {
  const product = (await productFor(principal, readQuery(req, productQuerySchema).product, "read")).slug;
  if (!(req.headers.get("accept") ?? "").includes("text/event-stream")) {
    throw new AppError("invalid", "This endpoint streams server-sent events: send Accept: text/event-stream (EventSource does).");
  }
  const { stream } = await openProductChangeStream({
    productSlug: product,
    person: personOf(principal),
    signal: req.signal,
    // Deactivated, demoted below reading, signed out, token revoked or removed from a restricted product: the stream ends within seconds.
    stillAllowed: async () => {
      const now = await getPrincipal(req.headers).catch(() => null);
      return now !== null && (await productFor(now, product, "read").then(() => true, () => false));
    },
  });
  return new Response(stream, {
    headers: {
      "Content-Type": "text/event-stream; charset=utf-8",
      // no-transform keeps compression (which would buffer events) and proxies from holding them back.
      "Cache-Control": "no-cache, no-transform",
      "X-Accel-Buffering": "no",
    },
  });
});
