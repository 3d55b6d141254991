// What one upload may hold, whatever the door (API, CLI, browser). One request is one upload: the
// limits hold for all its parts and all the archives in it together, never for each one alone.
export const MAX_RESULTS_FILE_BYTES = 5 * 1024 * 1024;
/** The request body as sent (an archive counts with its compressed size). */
export const MAX_UPLOAD_BYTES = 50 * 1024 * 1024;
/** Files and archive entries (directories and ignored entries count too). */
export const MAX_UPLOAD_ENTRIES = 200;
/** What the upload holds once unpacked: the bytes inflated from its archives, and its plain files. */
export const MAX_UPLOAD_EXPANDED_BYTES = 50 * 1024 * 1024;
export const UPLOAD_MEDIA_TYPES = ["application/json", "multipart/form-data", "application/gzip", "application/x-gzip", "application/zip"] as const;
