import { CONNECT_PROJECT_ID } from "@/lib/components/schema";
import { CONNECT_URL } from "./log-platform";
import type { ParsedLog } from "./schema";

// Whether preflight.log says a run's results were submitted to Red Hat (CTR-15's evidence), with
// the Partner Connect links it printed. A log covers every architecture of a run; the section of
// the run's own architecture answers, or the only section there is.

export type Submission = { submitted: boolean; urls: string[]; connectProjectId: string | null };

const NONE: Submission = { submitted: false, urls: [], connectProjectId: null };

export function submissionOf(log: ParsedLog | null, architecture: string | null): Submission {
  if (!log) return NONE;
  const platform = log.platforms.find((p) => p.architecture !== null && p.architecture === architecture) ?? (log.platforms.length === 1 ? log.platforms[0] : undefined);
  if (!platform?.submitted) return NONE;
  const connect = platform.connect;
  const urls = [connect?.testResultsUrl, connect?.vulnerabilitiesUrl, connect?.imagesUrl].filter((url): url is string => !!url);
  return { submitted: true, urls, connectProjectId: connectProjectOf(urls) };
}

/** The certification project id a stored run's Connect links name, if any. */
export function connectProjectOf(urls: readonly string[]): string | null {
  for (const url of urls) {
    const id = CONNECT_URL.exec(url)?.[1];
    if (id && CONNECT_PROJECT_ID.test(id)) return id.toLowerCase();
  }
  return null;
}

/** What a stored Connect link shows, in words: its test results, its vulnerabilities, or its images. */
export function connectLinkKind(url: string): "test results" | "vulnerabilities" | "images" {
  const kind = CONNECT_URL.exec(url)?.[2];
  return kind === "certification/test-results" ? "test results" : kind === "security/vulnerabilities" ? "vulnerabilities" : "images";
}
