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
  return { submitted: true, urls, connectProjectId: connect?.componentId?.toLowerCase() ?? null };
}

const CONNECT_COMPONENT = /^https:\/\/connect\.redhat\.com\/component\/view\/([0-9a-f]{24})\//i;

/** The certification project id a stored run's Connect links name, if any. */
export function connectProjectOf(urls: readonly string[]): string | null {
  for (const url of urls) {
    const match = CONNECT_COMPONENT.exec(url);
    if (match?.[1]) return match[1].toLowerCase();
  }
  return null;
}
