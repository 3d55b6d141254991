import { existsSync } from "node:fs";
import path from "node:path";
import { Worker } from "node:worker_threads";
import { BacklogParseError } from "./parse-error";
import type { ParseReply } from "./parse-worker";
import type { ParsedBacklog } from "./schema";

// Reading a large document takes seconds of CPU (the markdown parser), which on the server's event
// loop would stall every other request. parseBacklogOffThread does the same read in a worker thread
// of its own and resolves with the same result, or rejects with the same BacklogParseError.

const WORKER = path.join("dist", "backlog-parse-worker.mjs");

/**
 * The compiled worker (scripts/build.mjs): a file at run time, not part of Next's bundle,
 * so its path is computed at run time only. The server runs from the project's folder; the CLI may
 * run from any folder, and its script (bin/cli.ts) is one folder below the project's.
 */
export function parseWorkerFile(): string {
  const fromCwd = path.join(/* turbopackIgnore: true */ process.cwd(), WORKER);
  if (existsSync(/* turbopackIgnore: true */ fromCwd)) return fromCwd;
  return path.resolve(/* turbopackIgnore: true */ path.dirname(process.argv[1] ?? "."), "..", WORKER);
}

export function parseBacklogOffThread(text: string): Promise<ParsedBacklog> {
  return new Promise((resolve, reject) => {
    let settled = false;
    const worker = new Worker(/* turbopackIgnore: true */ parseWorkerFile(), { workerData: text });
    worker.once("message", (reply: ParseReply) => {
      settled = true;
      if (reply.ok) resolve(reply.parsed);
      else if ("refusal" in reply) reject(new BacklogParseError(reply.refusal.code, reply.refusal.message, reply.refusal.details));
      else reject(new Error(`The backlog reader failed: ${reply.failure}`));
    });
    worker.once("error", (error) => {
      settled = true;
      reject(error);
    });
    worker.once("exit", (code) => {
      if (!settled) reject(new Error(`The backlog reader's worker exited (${code}) without an answer.`));
    });
  });
}
