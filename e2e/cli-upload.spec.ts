import { execFile } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { expect, test } from "./fixtures";
import { TOKEN_FILE } from "./people";

const run = promisify(execFile);
const PREFLIGHT = path.resolve(process.cwd(), "../shared/fixtures/preflight");

function artifactsFolder(): string | null {
  const names = ["container_1.12.1_multiarch_amd64_passed.results.json", "container_1.12.1_multiarch_arm64_passed.results.json"];
  if (!names.every((n) => existsSync(path.join(PREFLIGHT, n)))) {
    if (process.env.CI) throw new Error(`Missing preflight fixtures in ${PREFLIGHT}: CI must have shared/ beside the clone.`);
    return null;
  }
  const root = mkdtempSync(path.join(os.tmpdir(), "certboard-artifacts-"));
  for (const arch of ["amd64", "arm64"]) {
    mkdirSync(path.join(root, arch));
    copyFileSync(path.join(PREFLIGHT, `container_1.12.1_multiarch_${arch}_passed.results.json`), path.join(root, arch, "results.json"));
    copyFileSync(path.join(PREFLIGHT, `container_1.12.1_multiarch_${arch}.cert-image.json`), path.join(root, arch, "cert-image.json"));
  }
  return root;
}

test("a pipeline uploads an artifacts folder with the CLI; a bad token exits non-zero", async ({ baseURL }) => {
  const folder = artifactsFolder();
  test.info().skip(folder === null, "preflight fixtures missing");
  const { token } = JSON.parse(readFileSync(TOKEN_FILE, "utf8")) as { token: string };
  const cli = (...args: string[]) => run(process.execPath, ["bin/certboard.mjs", "upload", folder!, "--url", baseURL!, ...args], { timeout: 60_000 });

  const first = await cli("--token", token);
  expect(first.stdout).toMatch(/new run [0-9a-f-]{36}: \S+ amd64 preflight 1\.12\.1 — PASSED/);
  expect(first.stdout).toMatch(/new run [0-9a-f-]{36}: \S+ arm64 preflight 1\.12\.1 — PASSED/);

  const again = await cli("--token", token);
  expect(again.stdout.match(/^duplicate /gm)).toHaveLength(2);

  const refused = await cli("--token", "cbt_notatokn_aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa").catch((error: { code: number; stderr: string }) => error);
  expect(refused).toMatchObject({ code: 1 });
  expect((refused as { stderr: string }).stderr).toContain("401 unauthenticated");
});
