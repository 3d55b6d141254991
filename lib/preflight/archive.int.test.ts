import { readFileSync } from "node:fs";
import path from "node:path";
import { gzipSync, zipSync } from "fflate";
import { NextRequest } from "next/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST } from "@/app/api/v1/preflight/runs/route";
import { disconnectDb, getDb } from "@/lib/db";
import { createToken, TEST_ORIGIN } from "@/tests/auth";
import { productWithBacklog, rowCounts } from "@/tests/db";
import { BACKLOG_PATH, fixtureAvailable, SHARED_FIXTURES } from "@/tests/fixtures";

const PREFLIGHT = path.join(SHARED_FIXTURES, "preflight");
const FILES = {
  amd64: path.join(PREFLIGHT, "container_1.12.1_multiarch_amd64_passed.results.json"),
  arm64: path.join(PREFLIGHT, "container_1.12.1_multiarch_arm64_passed.results.json"),
  amd64CertImage: path.join(PREFLIGHT, "container_1.12.1_multiarch_amd64.cert-image.json"),
  arm64CertImage: path.join(PREFLIGHT, "container_1.12.1_multiarch_arm64.cert-image.json"),
};
const available = Object.values(FILES).every((file) => fixtureAvailable(file)) && fixtureAvailable(BACKLOG_PATH);
const AMD64_DIGEST = "sha256:44d26a13a516893067f993e33c09fe774fc4720065a60b846bf4ee7d6cef65bf";

let uploader = "";
beforeAll(async () => {
  uploader = (await createToken("uploader")).token;
});
afterAll(disconnectDb);

const newProduct = () => productWithBacklog("pfa");

// A minimal ustar writer: regular files and symlinks, names under 100 bytes.
function tar(entries: { name: string; data?: Uint8Array; type?: "0" | "2" | "5" }[]): Uint8Array {
  const encoder = new TextEncoder();
  const blocks: Uint8Array[] = [];
  for (const { name, data = new Uint8Array(), type = "0" } of entries) {
    const header = new Uint8Array(512);
    const put = (offset: number, text: string) => header.set(encoder.encode(text), offset);
    put(0, name);
    put(100, "0000644\0");
    put(108, "0000000\0");
    put(116, "0000000\0");
    put(124, `${data.length.toString(8).padStart(11, "0")}\0`);
    put(136, "14544775400\0");
    put(148, "        ");
    put(156, type);
    put(257, "ustar\0");
    put(263, "00");
    put(148, `${header.reduce((sum, byte) => sum + byte, 0).toString(8).padStart(6, "0")}\0 `);
    blocks.push(header, data, new Uint8Array((512 - (data.length % 512)) % 512));
  }
  blocks.push(new Uint8Array(1024));
  return Buffer.concat(blocks);
}

function artifacts(): { name: string; data: Uint8Array }[] {
  return [
    { name: "./artifacts/amd64/results.json", data: readFileSync(FILES.amd64) },
    { name: "./artifacts/amd64/cert-image.json", data: readFileSync(FILES.amd64CertImage) },
    { name: "./artifacts/amd64/rpm-manifest.json", data: new TextEncoder().encode('{"rpms":[]}') },
    { name: "./artifacts/arm64/results.json", data: readFileSync(FILES.arm64) },
    { name: "./artifacts/arm64/cert-image.json", data: readFileSync(FILES.arm64CertImage) },
  ];
}

function upload(query: string, body: Uint8Array | FormData, contentType?: string, fileName?: string) {
  const headers = new Headers({ authorization: `Bearer ${uploader}` });
  if (contentType) headers.set("content-type", contentType);
  if (fileName) headers.set("content-disposition", `attachment; filename="${fileName}"`);
  const init = body instanceof FormData ? { method: "POST", headers, body } : { method: "POST", headers, body: Buffer.from(body) };
  return POST(new NextRequest(`${TEST_ORIGIN}/api/v1/preflight/runs?${query}`, init), { params: Promise.resolve({}) });
}

const counts = rowCounts;

type RunView = { id: string; component: string | null; unassigned: boolean; arch: string; preflightVersion: string; passed: boolean; duplicate: boolean };

describe.skipIf(!available)("uploading preflight's artifacts folder as an archive", () => {
  it("stores one run per architecture from a tar.gz, taking arch and digest from cert-image.json; re-uploads are duplicates", async () => {
    const product = await newProduct();
    const archive = gzipSync(tar(artifacts()));
    const response = await upload(`product=${product}`, archive, "application/gzip", "artifacts.tar.gz");
    expect(response.status).toBe(201);
    const body = (await response.json()) as { runs: RunView[]; warnings: string[] };
    expect(body.runs).toHaveLength(2);
    expect(body.runs.map((run) => [run.arch, run.preflightVersion, run.passed, run.duplicate])).toEqual([
      ["amd64", "1.12.1", true, false],
      ["arm64", "1.12.1", true, false],
    ]);
    // No component given and none registered for mariadb/maxscale: both runs wait, unassigned, and create nothing.
    const [amd64, arm64] = body.runs as [RunView, RunView];
    expect([amd64.component, amd64.unassigned, arm64.component, arm64.unassigned]).toEqual([null, true, null, true]);
    expect(body.warnings).toEqual(expect.arrayContaining([expect.stringContaining("no component is registered for docker.io/mariadb/maxscale; the run is stored unassigned")]));
    expect(await getDb().component.count({ where: { product: { slug: product }, repository: "mariadb/maxscale" } })).toBe(0);
    const stored = await getDb().preflightRun.findUniqueOrThrow({ where: { id: amd64.id } });
    expect(stored).toMatchObject({ fileName: "artifacts/amd64/results.json", imageDigest: AMD64_DIGEST, architecture: "amd64" });

    // The same archive again, then the same files as a zip (application/x-gzip and multipart too): nothing new.
    const before = await counts();
    const zip = zipSync(Object.fromEntries(artifacts().map(({ name, data }) => [name.slice(2), data])));
    const form = new FormData();
    form.append("results", new Blob([Buffer.from(archive)], { type: "application/gzip" }), "artifacts.tgz");
    for (const [label, again] of [
      ["tar.gz", await upload(`product=${product}`, archive, "application/gzip")],
      ["x-gzip", await upload(`product=${product}`, archive, "application/x-gzip")],
      ["zip", await upload(`product=${product}`, zip, "application/zip", "artifacts.zip")],
      ["multipart", await upload(`product=${product}`, form)],
    ] as const) {
      expect(again.status, label).toBe(200);
      const runs = ((await again.json()) as { runs: RunView[] }).runs;
      expect(runs.map((run) => [run.id, run.duplicate]), label).toEqual([
        [amd64.id, true],
        [arm64.id, true],
      ]);
    }
    expect(await counts()).toEqual(before);

    // Uploaded again asking for a component: the waiting runs are attached to a new one, not stored twice.
    const created = await upload(`product=${product}&createComponent=true`, archive, "application/gzip");
    expect(created.status).toBe(201);
    const assigned = (await created.json()) as { runs: RunView[]; warnings: string[] };
    expect(assigned.runs.map((run) => [run.id, run.duplicate, run.unassigned])).toEqual([
      [amd64.id, false, false],
      [arm64.id, false, false],
    ]);
    expect(assigned.runs[0]!.component).toBe("maxscale");
    expect(assigned.runs[1]!.component).toBe("maxscale");
    expect(assigned.warnings).toEqual(expect.arrayContaining([expect.stringContaining('created component "maxscale" for docker.io/mariadb/maxscale, as asked')]));
    expect(await getDb().preflightRun.count({ where: { product: { slug: product } } })).toBe(2);
  });

  it("refuses a hostile or broken archive with a clear error and writes nothing", async () => {
    const product = await newProduct();
    const files = artifacts();
    const zeros = new Uint8Array(60 * 1024 * 1024);
    const before = await counts();
    const cases: [string, Uint8Array, string, number, string, RegExp][] = [
      ["traversal", gzipSync(tar([...files, { name: "../../etc/cron.d/evil.log", data: new Uint8Array(4) }])), "application/gzip", 400, "invalid", /entry "\.\.\/\.\.\/etc\/cron\.d\/evil\.log": path escapes the archive/],
      ["absolute", zipSync({ "artifacts/results.json": files[0]!.data, "/abs/results.json": files[0]!.data }), "application/zip", 400, "invalid", /entry "\/abs\/results\.json": path escapes the archive/],
      ["symlink", gzipSync(tar([...files, { name: "artifacts/preflight.log", type: "2" }])), "application/gzip", 400, "invalid", /symbolic links are not accepted/],
      ["bomb", gzipSync(tar([...files, { name: "artifacts/preflight.log", data: zeros }]), { level: 1 }), "application/gzip", 413, "too_large", /expands to more than 50 MiB/],
      ["corrupt", gzipSync(tar(files)).subarray(0, 900), "application/gzip", 400, "invalid", /corrupt/],
      ["no results.json", gzipSync(tar(files.filter((f) => !f.name.endsWith("results.json")))), "application/gzip", 400, "invalid", /holds no results\.json/],
    ];
    for (const [name, body, type, status, code, message] of cases) {
      const response = await upload(`product=${product}`, body, type, `${name}.archive`);
      expect(response.status, name).toBe(status);
      const error = ((await response.json()) as { error: { code: string; message: string } }).error;
      expect(error.code, name).toBe(code);
      expect(error.message, name).toMatch(message);
      expect(error.message.startsWith(`${name}.archive: `), name).toBe(true);
    }
    expect(await counts()).toEqual(before);
  });

  it("gives a multipart upload one expansion budget and one file count for all its parts and archives", async () => {
    const product = await newProduct();
    const [amd64, , , arm64] = artifacts();
    // Each archive alone is far under the limits; only together do they pass them.
    const ballast = gzipSync(tar([{ name: "artifacts/results.json", data: amd64!.data }, { name: "artifacts/rpm-manifest.json", data: new Uint8Array(10 * 1024 * 1024) }]), { level: 1 });
    const noisy = gzipSync(tar([{ name: "artifacts/results.json", data: amd64!.data }, ...Array.from({ length: 79 }, (_, i) => ({ name: `artifacts/noise-${i}.txt` }))]));
    const form = (parts: [string, Uint8Array, string][]) => {
      const body = new FormData();
      for (const [field, data, name] of parts) body.append(field, new Blob([Buffer.from(data)]), name);
      return body;
    };
    const before = await counts();
    const cases: [string, FormData, RegExp][] = [
      ["six 10 MiB archives", form(Array.from({ length: 6 }, (_, i) => ["results", ballast, `part-${i}.tar.gz`])), /^part-\d\.tar\.gz: .*the upload expands to more than 50 MiB/],
      ["a 45 MiB log beside a 10 MiB archive", form([["log", new Uint8Array(45 * 1024 * 1024).fill(0x61), "preflight.log"], ["results", ballast, "artifacts.tar.gz"]]), /expands to more than 50 MiB/],
      ["three archives of 80 entries", form(Array.from({ length: 3 }, (_, i) => ["results", noisy, `noisy-${i}.tgz`])), /^noisy-2\.tgz: .*more than 200 files and archive entries in the upload/],
      ["a results.json and 200 logs", form([["results", amd64!.data, "results.json"], ...Array.from({ length: 200 }, (_, i): [string, Uint8Array, string] => ["log", new Uint8Array(1), `${i}.log`])]), /^199\.log: more than 200 files and archive entries in the upload/],
    ];
    const answers: [string, number, string, string][] = [];
    for (const [name, body] of cases) {
      const response = await upload(`product=${product}`, body);
      const error = ((await response.json()) as { error?: { code: string; message: string } }).error;
      answers.push([name, response.status, error?.code ?? "", error?.message ?? ""]);
    }
    expect(answers).toEqual(cases.map(([name, , message]) => [name, 413, "too_large", expect.stringMatching(message)]));
    expect(await counts()).toEqual(before);

    // Within the limits, several archives and files in one request are still one upload.
    const amd64Archive = gzipSync(tar([amd64!]));
    const arm64Archive = zipSync({ [arm64!.name.slice(2)]: arm64!.data });
    const both = await upload(`product=${product}`, form([["results", amd64Archive, "amd64.tar.gz"], ["results", arm64Archive, "arm64.zip"], ["log", new TextEncoder().encode("level=info msg=hi"), "preflight.log"]]));
    expect(both.status).toBe(201);
    expect(((await both.json()) as { runs: RunView[] }).runs.map((run) => run.arch).sort()).toEqual(["amd64", "arm64"]);
  });

  it("refuses a multipart body without Content-Length once it passes 50 MiB, without waiting for its end", async () => {
    const product = await newProduct();
    const head = new TextEncoder().encode('--cap\r\nContent-Disposition: form-data; name="log"; filename="preflight.log"\r\n\r\n');
    const chunk = new Uint8Array(1024 * 1024).fill(0x61);
    let sent = 0;
    // 51 MiB of a log part, then nothing more: the body never ends, as from a client that stalls.
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent > 51 * 1024 * 1024) return new Promise<void>(() => undefined);
        const next = sent === 0 ? head : chunk;
        sent += next.length;
        controller.enqueue(next);
      },
    });
    const before = await counts();
    const headers = new Headers({ authorization: `Bearer ${uploader}`, "content-type": "multipart/form-data; boundary=cap" });
    const response = await POST(new NextRequest(`${TEST_ORIGIN}/api/v1/preflight/runs?product=${product}`, { method: "POST", headers, body, duplex: "half" }), { params: Promise.resolve({}) });
    expect(response.status).toBe(413);
    expect(((await response.json()) as { error: { code: string; message: string } }).error).toEqual({ code: "too_large", message: "The request body is larger than 50 MiB." });
    expect(await counts()).toEqual(before);
  });
});
