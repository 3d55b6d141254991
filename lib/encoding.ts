import { AppError } from "@/lib/errors";

/** Strict UTF-8 decoding: invalid byte sequences are refused, never replaced. */
export function decodeUtf8(bytes: Uint8Array): string {
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    throw new AppError("invalid_encoding", "The text is not valid UTF-8.");
  }
}
