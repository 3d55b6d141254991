import cluster from "node:cluster";
import { NextResponse } from "next/server";
import { z } from "zod";
import { publicRoute, readQuery } from "@/lib/http";
import { getReadiness, pingDatabase } from "@/lib/system/data";

const querySchema = z.object({ ready: z.enum(["1", "true"]).optional() });

/** The answering process: its pid and cluster worker id (0 when scripts/serve.mjs runs one process). */
const processInfo = () => ({ pid: process.pid, worker: cluster.worker?.id ?? 0 });

const unavailable = (message: string, details?: unknown) =>
  NextResponse.json({ status: "unavailable", process: processInfo(), error: { code: "unavailable", message, ...(details !== undefined && { details }) } }, { status: 503 });

export const GET = publicRoute(async (req) => {
  const { ready } = readQuery(req, querySchema);
  if (!ready) return (await pingDatabase()) ? NextResponse.json({ status: "ok", process: processInfo() }) : unavailable("The database is not reachable.");
  const readiness = await getReadiness();
  if (readiness.ready) return NextResponse.json({ status: "ok", process: processInfo() });
  if (readiness.reason === "database_unreachable") return unavailable("The database is not reachable.");
  return unavailable(`Migrations not applied yet: ${readiness.pending.join(", ")}. Run \`npm run db:deploy\` (or the migration Job).`, { pendingMigrations: readiness.pending });
});
