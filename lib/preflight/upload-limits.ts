// What one upload may hold, whatever the door (API, CLI, browser).
export const MAX_RESULTS_FILE_BYTES = 5 * 1024 * 1024;
export const MAX_UPLOAD_BYTES = 50 * 1024 * 1024;
export const MAX_ARCHIVE_ENTRIES = 200;
export const MAX_ARCHIVE_EXPANDED_BYTES = 50 * 1024 * 1024;
export const UPLOAD_MEDIA_TYPES = ["application/json", "multipart/form-data", "application/gzip", "application/x-gzip", "application/zip"] as const;
