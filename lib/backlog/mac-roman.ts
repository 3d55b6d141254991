// Mac OS Roman, bytes 0x80–0xFF (the WHATWG "macintosh" encoding, with € at 0xDB).
// Kept as data so mojibake repair needs no ICU build or extra dependency.
const HIGH_HALF = [
  "ÄÅÇÉÑÖÜáàâäãåçéè",
  "êëíìîïñóòôöõúùûü",
  "†°¢£§•¶ß®©™´¨≠ÆØ",
  "∞±≤≥¥µ∂∑∏π∫ªºΩæø",
  "¿¡¬√ƒ≈∆«»…\u00a0ÀÃÕŒœ",
  "–—“”‘’÷◊ÿŸ⁄€‹›ﬁﬂ",
  "‡·‚„‰ÂÊÁËÈÍÎÏÌÓÔ",
  "\uf8ffÒÚÛÙıˆ˜¯˘˙˚¸˝˛ˇ",
].join("");

/** MAC_ROMAN_HIGH[b - 0x80] is the character Mac Roman shows for byte b (b >= 0x80). */
export const MAC_ROMAN_HIGH: readonly string[] = Array.from(HIGH_HALF);

/** Character code → Mac Roman byte, for the high half only (ASCII maps to itself). */
export const MAC_ROMAN_BYTE_BY_CODE: ReadonlyMap<number, number> = new Map([
  ...MAC_ROMAN_HIGH.map((char, index): [number, number] => [char.charCodeAt(0), 0x80 + index]),
  // Before Mac OS 8.5, 0xDB was the currency sign; older converters still produce it.
  [0x00a4, 0xdb],
]);
