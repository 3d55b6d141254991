// What `npm start` decides about the build in .next (scripts/build-stamp.mjs), on a scratch
// checkout, and that `next build` records the same hash through next.config.ts.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import loadConfig from "next/dist/server/config";
import { PHASE_PRODUCTION_BUILD } from "next/constants";
import { rebuildReason, sourceHash } from "./build-stamp.mjs";

let root: string;
const write = (file: string, text: string) => {
  fs.mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
  fs.writeFileSync(path.join(root, file), text);
};
const build = () => write(".next/BUILD_ID", sourceHash(root));

beforeEach(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), "certboard-stamp-"));
  write("app/page.tsx", "export default function Page() { return null; }\n");
  write("lib/backlog/schema.ts", "export const a = 1;\n");
  write("prisma/schema.prisma", "model A { id Int @id }\n");
  write("package-lock.json", "{}\n");
});

afterEach(() => {
  fs.rmSync(root, { recursive: true, force: true });
});

describe("rebuildReason", () => {
  it("asks for a build when .next holds none", () => {
    expect(rebuildReason(root)).toBe("no production build yet");
  });

  it("keeps a build made from these sources", () => {
    build();
    expect(rebuildReason(root)).toBeNull();
  });

  it.each([
    ["a page", "app/page.tsx"],
    ["a new library file", "lib/backlog/mutations.ts"],
    ["the Prisma schema (a new migration's model)", "prisma/schema.prisma"],
    ["a new migration", "prisma/migrations/20270101000000_next/migration.sql"],
    ["the dependencies", "package-lock.json"],
    ["next.config.ts", "next.config.ts"],
  ])("rebuilds when %s changed since the build, and says why", (_what, file) => {
    build();
    write(file, "changed\n");
    expect(rebuildReason(root)).toMatch(/^the sources changed since the last build \(built from \d{12}…, the checkout is \d{12}…\)$/);
  });

  it("keeps the build when only tests, docs or end-to-end specs changed", () => {
    build();
    write("lib/backlog/schema.test.ts", "test\n");
    write("lib/backlog/import.int.test.ts", "test\n");
    write("README.md", "docs\n");
    write("e2e/new.spec.ts", "spec\n");
    expect(rebuildReason(root)).toBeNull();
  });

  it("tells a renamed file from an unchanged tree", () => {
    build();
    fs.renameSync(path.join(root, "lib/backlog/schema.ts"), path.join(root, "lib/backlog/schemas.ts"));
    expect(rebuildReason(root)).not.toBeNull();
  });
});

describe("next.config.ts", () => {
  it("makes next build record the checkout's source hash as the build id (no 'ad' in asset URLs)", async () => {
    const config = await loadConfig(PHASE_PRODUCTION_BUILD, path.resolve(import.meta.dirname, ".."), { silent: true });
    const id = await config.generateBuildId?.();
    expect(id).toBe(sourceHash());
    expect(id).toMatch(/^\d+$/);
  });
});
