import { readdir, readFile, stat } from "node:fs/promises";
import path from "node:path";
import { AppError } from "@/lib/errors";
import type { UploadFile } from "@/lib/preflight/prepare-upload";

const WANTED = (name: string) => name === "results.json" || name.endsWith("cert-image.json") || name.endsWith(".log");
const ARCHIVE = /\.(tar\.gz|tgz|gz|zip)$/i;

export type Artifacts = { files: UploadFile[]; archives: { name: string; bytes: Uint8Array }[] };

/**
 * The preflight artifacts named on the command line: files as given, folders walked for
 * results.json / cert-image.json / *.log (names kept relative to the folder, so `amd64/results.json`
 * pairs with `amd64/cert-image.json`), and archives kept whole.
 */
export async function collectArtifacts(paths: string[]): Promise<Artifacts> {
  const found: Artifacts = { files: [], archives: [] };
  for (const given of paths) {
    const info = await stat(given);
    if (info.isDirectory()) {
      for (const relative of await walk(given)) {
        found.files.push({ name: relative, bytes: await readFile(path.join(given, relative)) });
      }
    } else if (ARCHIVE.test(given)) {
      found.archives.push({ name: path.basename(given), bytes: await readFile(given) });
    } else {
      // Two loose files may share a name (a/results.json, b/results.json): keep both apart.
      const base = path.basename(given);
      const taken = found.files.some((f) => f.name === base);
      found.files.push({ name: taken ? `file-${found.files.length + 1}/${base}` : base, bytes: await readFile(given) });
    }
  }
  // The caller's input, like a missing path: exit 1 with the reason, not an internal error.
  if (found.files.length === 0 && found.archives.length === 0) throw new AppError("invalid", `No preflight artifacts (results.json, cert-image.json, *.log or an archive) found in ${paths.join(", ")}.`);
  return found;
}

async function walk(root: string, prefix = ""): Promise<string[]> {
  const entries = await readdir(path.join(root, prefix), { withFileTypes: true });
  const out: string[] = [];
  for (const entry of entries) {
    const relative = prefix ? `${prefix}/${entry.name}` : entry.name;
    if (entry.isDirectory()) out.push(...(await walk(root, relative)));
    else if (entry.isFile() && WANTED(entry.name)) out.push(relative);
  }
  return out.sort();
}
