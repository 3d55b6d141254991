import { parentPort, workerData } from "node:worker_threads";
import { BacklogParseError, parseBacklog } from "./parse-backlog";

// The backlog reader's worker thread (see parse-off-thread.ts): reads the document it was started
// with, posts the parsed backlog or the refusal back, and ends. Compiled by scripts/build.mjs
// to dist/backlog-parse-worker.mjs, because Next bundles server code and a worker needs a real file.

export type ParseReply =
  | { ok: true; parsed: ReturnType<typeof parseBacklog> }
  | { ok: false; refusal: { code: BacklogParseError["code"]; message: string; details: unknown } }
  | { ok: false; failure: string };

function read(text: string): ParseReply {
  try {
    return { ok: true, parsed: parseBacklog(text) };
  } catch (error) {
    if (error instanceof BacklogParseError) return { ok: false, refusal: { code: error.code, message: error.message, details: error.details } };
    return { ok: false, failure: error instanceof Error ? error.message : String(error) };
  }
}

parentPort?.postMessage(read(workerData as string));
