import { MAC_ROMAN_BYTE_BY_CODE, MAC_ROMAN_HIGH } from "./mac-roman";

// Documents exported from some Mac tools arrive with their UTF-8 bytes read back as Mac Roman,
// so "❌" shows as "‚ùå". Both forms must import identically.

const utf8 = new TextEncoder();

/** Reads the UTF-8 bytes of `text` as Mac Roman: "❌" → "‚ùå". The inverse of repairMojibake. */
export function doubleEncode(text: string): string {
  const out: string[] = [];
  for (const byte of utf8.encode(text)) {
    out.push(byte < 0x80 ? String.fromCharCode(byte) : (MAC_ROMAN_HIGH[byte - 0x80] ?? "\ufffd"));
  }
  return out.join("");
}

/**
 * Undoes one round of UTF-8-read-as-Mac-Roman. Only when every character maps back to a
 * Mac Roman byte AND those bytes are valid UTF-8 is the text changed; a document with proper
 * emoji (or any character outside Mac Roman) is returned unchanged.
 */
export function repairMojibake(text: string): string {
  if (!/[^\u0000-\u007f]/.test(text)) return text;

  const bytes = new Uint8Array(text.length);
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    const byte = code < 0x80 ? code : MAC_ROMAN_BYTE_BY_CODE.get(code);
    if (byte === undefined) return text;
    bytes[index] = byte;
  }

  let decoded: string;
  try {
    // ignoreBOM keeps a leading BOM so callers decide what to do with it.
    decoded = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return text;
  }
  return decoded;
}
