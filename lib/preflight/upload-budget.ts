import { MAX_UPLOAD_ENTRIES, MAX_UPLOAD_EXPANDED_BYTES } from "./upload-limits";

// One upload request draws on one budget: every part of a multipart body and every archive in it
// count against the same bytes and the same number of entries, so a bomb split into a thousand
// small archives is stopped as soon as one would be. Callers word the refusal (they know the part
// and the entry) with the reasons below.

const MIB = 1024 * 1024;

export const EXPANDS_TOO_FAR = `the upload expands to more than ${MAX_UPLOAD_EXPANDED_BYTES / MIB} MiB (all its files and archives together); refused before unpacking the rest`;
export const TOO_MANY_ENTRIES = `more than ${MAX_UPLOAD_ENTRIES} files and archive entries in the upload`;

export class UploadBudget {
  private bytes = 0;
  private entries = 0;

  /** Counts `size` more bytes held once unpacked; false once the upload is past MAX_UPLOAD_EXPANDED_BYTES. */
  expand(size: number): boolean {
    this.bytes += size;
    return this.bytes <= MAX_UPLOAD_EXPANDED_BYTES;
  }

  /** Counts one more file or archive entry; false once the upload is past MAX_UPLOAD_ENTRIES. */
  enter(): boolean {
    this.entries += 1;
    return this.entries <= MAX_UPLOAD_ENTRIES;
  }
}
