import { createHash } from "node:crypto";

import { assertSize } from "./json-documents";
import { MAX_LOG_BYTES, MAX_LOG_ERRORS, MAX_LOG_LINE_CHARS } from "./limits";
import { parseLogLine } from "./log-line";
import { emptyConnect, newPlatform, recordCheck, recordConnectUrl } from "./log-platform";
import { withTypedErrors } from "./parse-error";
import type { LogPlatform, ParsedLog } from "./schema";

// Reads preflight.log (format doc §2.4) for the facts results.json lacks: the architecture of
// each section, the image digest, whether results were submitted (and the Connect links), and the
// err="…" text of errored checks, the only place preflight records why a check errored.
// Tolerant by design: unknown lines are counted, never refused; only a log above MAX_LOG_BYTES
// is (PreflightParseError too_large). Messages recognized, by preflight version:
//   ≥1.5  msg="check completed" check=X result=R      ≤1.4  msg="check completed: X" result=R
//   1.0.x msg="running check: X" … ERROR="…"          ≥1.7  msg="running checks for IMG for platform A"

const RUNNING_CHECKS = /^running checks for (\S+) for platform (\S+)$/;
const OLD_CHECK_COMPLETED = /^check completed: (\S+)$/;
const RUNNING_CHECK = /^running check: (\S+)$/;
const PAIRED_DIGEST = /^This image's tag (\S+) will be paired with digest (\S+?:[0-9a-fA-F]+)/;
const IMAGE_ID = /^The container's image id is: ([0-9A-Za-z]+)/;
const PREFLIGHT_RESULT = /^Preflight result: (PASSED|FAILED)\b/;
const LIBRARY_VERSION = /^(\S+)(?:\s+<commit:\s*([^>\s]+)\s*>)?/;
const ERROR_LEVELS = new Set(["error", "fatal", "panic"]);

export function parsePreflightLog(bytes: Uint8Array, options: { fileName?: string } = {}): ParsedLog {
  const label = options.fileName ? `preflight.log (${options.fileName.slice(-200)})` : "preflight.log";
  return withTypedErrors(label, () => {
    assertSize(bytes, MAX_LOG_BYTES, label, options.fileName);
    // Not strict: a log is read for what it says, and a damaged byte must not hide the rest.
    const text = new TextDecoder("utf-8").decode(bytes);
    const log = emptyLog(createHash("sha256").update(bytes).digest("hex"));
    const state: ReadState = { log, lastStartedCheck: null };
    for (const line of text.split(/\r?\n/)) readLine(state, line);
    log.platforms.forEach((platform) => (platform.submitted ||= platform.connect?.testResultsUrl != null));
    log.submitted = log.platforms.some((platform) => platform.submitted);
    log.finished = log.platforms.length > 0 && log.platforms.every((platform) => platform.result !== null);
    log.image = log.image ?? log.platforms.find((platform) => platform.image)?.image ?? null;
    return log;
  });
}

type ReadState = { log: ParsedLog; lastStartedCheck: string | null };

function readLine(state: ReadState, line: string): void {
  const { log } = state;
  if (!line.trim()) return;
  log.lineCount += 1;
  const fields = line.length <= MAX_LOG_LINE_CHARS ? parseLogLine(line) : null;
  if (!fields) {
    log.unrecognizedLines += 1;
    return;
  }
  const time = fields.get("time") ?? null;
  if (time) {
    log.startedAt = log.startedAt ?? time;
    log.finishedAt = time;
  }
  const msg = fields.get("msg") ?? "";
  const error = fields.get("err") ?? fields.get("ERROR") ?? null;
  const level = fields.get("level") ?? null;
  // First the message, so a 1.0.x `running check: X … ERROR="…"` line is attributed to X.
  readMessage(state, msg, fields, error);
  if ((level && ERROR_LEVELS.has(level)) || error !== null) {
    if (log.errors.length < MAX_LOG_ERRORS) {
      log.errors.push({ time, level, message: msg, check: fields.get("check") ?? state.lastStartedCheck, error });
    }
  }
}

function readMessage(state: ReadState, msg: string, fields: Map<string, string>, error: string | null): void {
  const { log } = state;
  let match: RegExpExecArray | null;
  if (msg === "certification library version") {
    const version = LIBRARY_VERSION.exec(fields.get("version") ?? "");
    log.preflightVersion = version?.[1] ?? null;
    log.preflightCommit = version?.[2] ?? null;
  } else if ((match = RUNNING_CHECKS.exec(msg))) {
    log.platforms.push(newPlatform(match[2] ?? null, match[1] ?? null));
  } else if (msg === "target image") {
    const image = fields.get("image") ?? null;
    const platform = current(log);
    platform.image = platform.image ?? image;
    log.image = log.image ?? image;
  } else if (msg === "check completed" || (match = OLD_CHECK_COMPLETED.exec(msg))) {
    const name = fields.get("check") ?? match?.[1] ?? "";
    recordCheck(current(log), name, fields.get("result") ?? "", error);
  } else if ((match = RUNNING_CHECK.exec(msg))) {
    state.lastStartedCheck = match[1] ?? null;
  } else if ((match = PAIRED_DIGEST.exec(msg))) {
    const platform = current(log);
    platform.tag = match[1] ?? null;
    platform.digest = match[2]?.toLowerCase() ?? null;
  } else if (msg.startsWith("preparing results that will be submitted")) {
    current(log).submissionAttempted = true;
  } else if (msg.startsWith("Test results have been submitted")) {
    current(log).submitted = true;
  } else if ((match = IMAGE_ID.exec(msg))) {
    const platform = current(log);
    platform.connect = { ...(platform.connect ?? emptyConnect()), imageId: match[1] ?? null };
  } else if ((match = PREFLIGHT_RESULT.exec(msg))) {
    current(log).result = match[1] === "PASSED" ? "passed" : "failed";
  } else if (msg.includes("https://connect.redhat.com/")) {
    recordConnectUrl(current(log), msg);
  }
}

/** Logs before 1.7, and operator logs, have no platform line: their checks form one section. */
function current(log: ParsedLog): LogPlatform {
  const last = log.platforms[log.platforms.length - 1];
  if (last) return last;
  const platform = newPlatform(null, log.image);
  log.platforms.push(platform);
  return platform;
}

function emptyLog(contentSha256: string): ParsedLog {
  return {
    preflightVersion: null,
    preflightCommit: null,
    image: null,
    platforms: [],
    submitted: false,
    finished: false,
    errors: [],
    startedAt: null,
    finishedAt: null,
    lineCount: 0,
    unrecognizedLines: 0,
    contentSha256,
  };
}
