// Caps that keep an accidental or hostile upload from exhausting memory or the stack. Real files
// sit far below them: results.json is 1–5 KB with at most ~10 entries and nests 5 levels deep,
// cert-image.json is ~15 KB, and a trace-level preflight.log reaches a few MB.

/** results.json (or captured stdout with one document per architecture). */
export const MAX_RESULTS_BYTES = 5 * 1024 * 1024;
/** Documents in one results upload: 4 supported architectures, with room for variants and reruns. */
export const MAX_RESULTS_DOCUMENTS = 16;
/** Nesting of any JSON we read; the scanner refuses deeper input before JSON.parse sees it. */
export const MAX_JSON_DEPTH = 32;
/** Entries across passed/failed/errors/warning of one run; preflight has never had more than 10. */
export const MAX_CHECKS_PER_RUN = 1000;
/** cert-image.json: its raw_config string grows with the image history. */
export const MAX_CERT_IMAGE_BYTES = 16 * 1024 * 1024;
/** Labels kept from cert-image.json. */
export const MAX_CERT_IMAGE_LABELS = 1000;
/** preflight.log, trace level included. */
export const MAX_LOG_BYTES = 64 * 1024 * 1024;
/** Longer log lines are counted as unrecognized instead of being tokenized. */
export const MAX_LOG_LINE_CHARS = 64 * 1024;
/** elapsed_time above this (int32 milliseconds, ~24.8 days) cannot be a real check duration. */
export const MAX_ELAPSED_MS = 2_147_483_647;
/** Error lines kept from one preflight.log (a trace log can repeat one error many times). */
export const MAX_LOG_ERRORS = 200;
