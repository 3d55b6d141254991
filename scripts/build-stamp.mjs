/**
 * What a production build is made from: a hash of the files `next build` reads (app/,
 * components/, lib/, prisma/, public/, the root configs, package-lock.json). next.config.ts uses
 * it as the build id, so `.next/BUILD_ID` records it whoever ran the build; `npm start` compares
 * it with the checkout and rebuilds when they differ, never serving an old build against a new
 * schema. A content hash rather than a git commit: it works in a tarball checkout, and notices
 * uncommitted edits. Tests beside the code are left out: they do not change the build.
 */
import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const SOURCE_DIRS = ["app", "components", "lib", "prisma", "public"];
const ROOT_FILES = ["next.config.ts", "proxy.ts", "middleware.ts", "instrumentation.ts", "package.json", "package-lock.json", "tsconfig.json", "postcss.config.mjs"];
const NOT_BUILT = /\.test\.tsx?$/;

/**
 * The sources' hash, as digits only: Next refuses nothing, but a build id containing "ad" would
 * put that word in every asset URL, which ad blockers block.
 * @param {string} [root]
 */
export function sourceHash(root = ROOT) {
  const files = ROOT_FILES.filter((f) => fs.existsSync(path.join(root, f)));
  for (const dir of SOURCE_DIRS) {
    if (!fs.existsSync(path.join(root, dir))) continue;
    for (const entry of fs.readdirSync(path.join(root, dir), { recursive: true, withFileTypes: true })) {
      if (!entry.isFile() || NOT_BUILT.test(entry.name)) continue;
      files.push(path.relative(root, path.join(entry.parentPath, entry.name)));
    }
  }
  const hash = createHash("sha256");
  for (const file of files.sort()) {
    const bytes = fs.readFileSync(path.join(root, file));
    hash.update(`${file.split(path.sep).join("/")}\0${bytes.length}\0`).update(bytes);
  }
  return BigInt(`0x${hash.digest("hex").slice(0, 24)}`).toString(10);
}

/**
 * Why `npm start` must build first, or null when `.next` holds a build of these sources.
 * @param {string} [root]
 */
export function rebuildReason(root = ROOT) {
  let built = "";
  try {
    built = fs.readFileSync(path.join(root, ".next", "BUILD_ID"), "utf8").trim();
  } catch {
    return "no production build yet";
  }
  const now = sourceHash(root);
  if (built === now) return null;
  return `the sources changed since the last build (built from ${built.slice(0, 12)}…, the checkout is ${now.slice(0, 12)}…)`;
}
