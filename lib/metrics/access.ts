import { createHash, timingSafeEqual } from "node:crypto";
import { isLoopback } from "@/lib/auth/client-ip";
import { AppError } from "@/lib/errors";

// Who may read /api/metrics: with CERTBOARD_METRICS_TOKEN set, whoever presents it as a bearer
// token (a Prometheus scrape config); without it, only this machine (the TCP peer serve.mjs
// records), so a fresh install never shows its internals to the network.

const digest = (text: string) => createHash("sha256").update(text).digest();

export function assertMetricsAccess(headers: Pick<Headers, "get">, env: Readonly<Record<string, string | undefined>> = process.env): void {
  const token = env.CERTBOARD_METRICS_TOKEN?.trim();
  if (token) {
    const presented = /^Bearer\s+(.+)$/i.exec(headers.get("authorization") ?? "")?.[1]?.trim();
    if (!presented) throw new AppError("unauthenticated", "The metrics need `Authorization: Bearer <CERTBOARD_METRICS_TOKEN>`.");
    // Digests have one length, so the comparison takes the same time whatever was sent.
    if (!timingSafeEqual(digest(presented), digest(token))) throw new AppError("forbidden", "That is not the metrics token (CERTBOARD_METRICS_TOKEN).");
    return;
  }
  if (!isLoopback(headers)) {
    throw new AppError("forbidden", "The metrics answer only this machine. Set CERTBOARD_METRICS_TOKEN on the server and scrape with `Authorization: Bearer <token>` to read them from elsewhere.");
  }
}
