// One line of preflight.log: logrus' TextFormatter writes key=value pairs, quoting a value (Go
// strconv.Quote style) when it has spaces or special characters, e.g.
//   time="2026-03-12T16:06:39+01:00" level=info msg="check completed" check=HasLicense result=PASSED
// Returns null for anything else (stack traces, output of other tools, partial lines).

const KEY = /[A-Za-z_][A-Za-z0-9_.-]*/y;
const ESCAPES = new Map<string, string>([
  ["n", "\n"],
  ["t", "\t"],
  ["r", "\r"],
  ['"', '"'],
  ["\\", "\\"],
]);

export function parseLogLine(line: string): Map<string, string> | null {
  const fields = new Map<string, string>();
  let i = 0;
  while (i < line.length) {
    while (line[i] === " ") i += 1;
    if (i >= line.length) break;
    KEY.lastIndex = i;
    const key = KEY.exec(line)?.[0];
    if (!key || line[i + key.length] !== "=") return null;
    i += key.length + 1;
    const value = line[i] === '"' ? readQuoted(line, i) : readBare(line, i);
    if (!value) return null;
    fields.set(key, value.text);
    i = value.end;
  }
  return fields.has("msg") || fields.has("level") ? fields : null;
}

function readBare(line: string, start: number): { text: string; end: number } {
  const space = line.indexOf(" ", start);
  const end = space === -1 ? line.length : space;
  return { text: line.slice(start, end), end };
}

function readQuoted(line: string, start: number): { text: string; end: number } | null {
  let text = "";
  let i = start + 1;
  while (i < line.length) {
    const char = line[i];
    if (char === '"') return { text, end: i + 1 };
    if (char === "\\") {
      const next = line[i + 1] ?? "";
      const hex = next === "u" ? line.slice(i + 2, i + 6) : next === "x" ? line.slice(i + 2, i + 4) : "";
      if (hex && /^[0-9a-fA-F]+$/.test(hex) && hex.length === (next === "u" ? 4 : 2)) {
        text += String.fromCharCode(parseInt(hex, 16));
        i += 2 + hex.length;
      } else {
        text += ESCAPES.get(next) ?? next;
        i += 2;
      }
    } else {
      text += char;
      i += 1;
    }
  }
  return null;
}
