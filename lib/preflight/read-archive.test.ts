import { gzipSync, zipSync, type Zippable } from "fflate";
import { describe, expect, it } from "vitest";

import { AppError } from "@/lib/errors";
import { prepareUpload, type UploadFile } from "./prepare-upload";
import { readArchive } from "./read-archive";
import { FIXTURE, concatBytes, hasPreflightFixtures, jsonBytes, readPreflightFixture, resultsDocument, utf8 } from "./test-support";
import { UploadBudget } from "./upload-budget";
import { MAX_UPLOAD_ENTRIES } from "./upload-limits";

// ---------------------------------------------------------------------------------------------
// A ustar writer, enough to build the archives `tar czf` and `bsdtar` produce.

type TarEntry = { name: string; data?: Uint8Array; type?: string; linkName?: string; pax?: Record<string, string> };

function writeField(header: Uint8Array, offset: number, length: number, text: string) {
  header.set(utf8(text).subarray(0, length), offset);
}

const octal = (value: number, digits: number) => `${value.toString(8).padStart(digits, "0")}\0`;

function tarHeader(name: string, size: number, type: string, linkName = ""): Uint8Array {
  const header = new Uint8Array(512);
  let prefix = "";
  let short = name;
  if (utf8(name).length > 100) {
    const cut = name.lastIndexOf("/", 155);
    prefix = name.slice(0, cut);
    short = name.slice(cut + 1);
  }
  writeField(header, 0, 100, short);
  writeField(header, 100, 8, octal(0o644, 7));
  writeField(header, 108, 8, octal(0, 7));
  writeField(header, 116, 8, octal(0, 7));
  writeField(header, 124, 12, octal(size, 11));
  writeField(header, 136, 12, octal(1_700_000_000, 11));
  writeField(header, 148, 8, "        ");
  writeField(header, 156, 1, type);
  writeField(header, 157, 100, linkName);
  writeField(header, 257, 6, "ustar\0");
  writeField(header, 263, 2, "00");
  writeField(header, 345, 155, prefix);
  const sum = header.reduce((total, byte) => total + byte, 0);
  writeField(header, 148, 8, `${sum.toString(8).padStart(6, "0")}\0 `);
  return header;
}

const padded = (data: Uint8Array) => concatBytes(data, new Uint8Array((512 - (data.length % 512)) % 512));

function tar(entries: TarEntry[]): Uint8Array {
  const parts: Uint8Array[] = [];
  for (const entry of entries) {
    if (entry.pax) {
      const body = utf8(
        Object.entries(entry.pax)
          .map(([key, value]) => {
            const record = ` ${key}=${value}\n`;
            let length = record.length + 1;
            while (`${length}${record}`.length !== length) length += 1;
            return `${length}${record}`;
          })
          .join(""),
      );
      parts.push(tarHeader("PaxHeader/entry", body.length, "x"), padded(body));
    }
    const data = entry.data ?? new Uint8Array();
    parts.push(tarHeader(entry.name, data.length, entry.type ?? "0", entry.linkName), padded(data));
  }
  parts.push(new Uint8Array(1024));
  return concatBytes(...parts);
}

const tgz = (entries: TarEntry[], level: 1 | 6 = 6) => gzipSync(tar(entries), { level });

function refusal(read: () => unknown): AppError {
  try {
    read();
  } catch (error) {
    if (error instanceof AppError) return error;
    throw new Error(`expected an AppError, got ${String(error)}`);
  }
  throw new Error("expected an AppError, but nothing was thrown");
}

const byName = (files: UploadFile[]) => [...files].sort((a, b) => a.name.localeCompare(b.name));
const summary = (files: UploadFile[]) => byName(files).map(({ name, role, bytes }) => ({ name, role, size: bytes.length }));

const RESULTS = jsonBytes(resultsDocument({ passed: [{ name: "HasLicense", elapsed_time: 0, description: "d" }] }));

// ---------------------------------------------------------------------------------------------

describe.skipIf(!hasPreflightFixtures)("readArchive on the 1.12.1 multi-arch artifacts folder", () => {
  const fixtures = hasPreflightFixtures
    ? {
        amd64: readPreflightFixture(FIXTURE.multiAmd64),
        arm64: readPreflightFixture(FIXTURE.multiArm64),
        amd64CertImage: readPreflightFixture(FIXTURE.multiAmd64CertImage),
        arm64CertImage: readPreflightFixture(FIXTURE.multiArm64CertImage),
        log: readPreflightFixture(FIXTURE.multi4Log),
      }
    : null;
  const f = () => fixtures!;

  const expected = () => [
    { name: "artifacts/amd64/cert-image.json", role: "certImage", size: f().amd64CertImage.length },
    { name: "artifacts/amd64/results.json", role: "results", size: f().amd64.length },
    { name: "artifacts/arm64/cert-image.json", role: "certImage", size: f().arm64CertImage.length },
    { name: "artifacts/arm64/results.json", role: "results", size: f().arm64.length },
    { name: "artifacts/preflight.log", role: "log", size: f().log.length },
  ];

  function expectTheTwoRuns(files: UploadFile[]) {
    const named = new Map(files.map((file) => [file.name, file.bytes]));
    expect(named.get("artifacts/amd64/results.json")).toEqual(f().amd64);
    expect(named.get("artifacts/arm64/cert-image.json")).toEqual(f().arm64CertImage);
    const runs = prepareUpload(files);
    expect(runs.map((run) => [run.fileName, run.architecture, run.certImage?.architecture])).toEqual([
      ["artifacts/amd64/results.json", "amd64", "amd64"],
      ["artifacts/arm64/results.json", "arm64", "arm64"],
    ]);
    expect(runs[0]?.imageDigest).not.toBe(runs[1]?.imageDigest);
    expect(runs.every((run) => run.log !== null)).toBe(true);
  }

  it("reads a tar.gz as `tar czf artifacts.tar.gz ./artifacts` writes it: ./ stripped, directories and other files ignored", () => {
    const archive = tgz([
      { name: "./artifacts/", type: "5" },
      { name: "./artifacts/amd64/", type: "5" },
      { name: "./artifacts/amd64/results.json", data: f().amd64 },
      { name: "./artifacts/amd64/cert-image.json", data: f().amd64CertImage },
      { name: "./artifacts/amd64/rpm-manifest.json", data: utf8('{"rpms":[]}') },
      { name: "./artifacts/amd64/._results.json", data: utf8("AppleDouble") },
      { name: "./artifacts/arm64/", type: "5" },
      { name: "./artifacts/arm64/results.json", data: f().arm64 },
      { name: "./artifacts/arm64/cert-image.json", data: f().arm64CertImage },
      { name: "./artifacts/preflight.log", data: f().log },
    ]);
    const files = readArchive(archive, "gzip", "artifacts.tar.gz");
    expect(summary(files)).toEqual(expected());
    expectTheTwoRuns(files);
  });

  it("reads the same folder as a zip, deflated or stored", () => {
    const tree: Zippable = {
      artifacts: {
        amd64: { "results.json": f().amd64, "cert-image.json": f().amd64CertImage, "rpm-manifest.json": utf8("{}") },
        arm64: { "results.json": f().arm64, "cert-image.json": f().arm64CertImage },
        "preflight.log": f().log,
      },
      "__MACOSX/artifacts/amd64/._results.json": utf8("AppleDouble"),
    };
    for (const level of [6, 0] as const) {
      const files = readArchive(zipSync(tree, { level }), "zip", "artifacts.zip");
      expect(summary(files), `level ${level}`).toEqual(expected());
      expectTheTwoRuns(files);
    }
  });

  it("reads a gzip of several members (pigz, or `cat a.gz b.gz`) and pax long paths", () => {
    const deep = `artifacts/${"nested/".repeat(20)}amd64/results.json`;
    const whole = tar([
      { name: "x", pax: { path: deep }, data: f().amd64 },
      { name: "artifacts/amd64/cert-image.json", data: f().amd64CertImage },
    ]);
    const archive = concatBytes(gzipSync(whole.subarray(0, 1536)), gzipSync(whole.subarray(1536)));
    const files = readArchive(archive, "gzip");
    expect(summary(files).map((file) => file.name)).toEqual(["artifacts/amd64/cert-image.json", deep]);
    expect(files.find((file) => file.name === deep)?.bytes).toEqual(f().amd64);
  });

  it("reads a plain gzip of one results.json, named like the archive without .gz", () => {
    const files = readArchive(gzipSync(f().amd64), "gzip", "amd64-results.json.gz");
    expect(summary(files)).toEqual([{ name: "amd64-results.json", role: "results", size: f().amd64.length }]);
    expect(readArchive(gzipSync(f().amd64), "gzip")[0]?.name).toBe("results.json");
    // The name gzip stored in its header when the upload has none.
    expect(readArchive(gzipSync(f().amd64, { filename: "arm64.results.json" }), "gzip")[0]?.name).toBe("arm64.results.json");
  });

  it("goes by the bytes when the declared type is wrong", () => {
    const zip = zipSync({ "results.json": f().amd64 });
    expect(summary(readArchive(zip, "gzip"))).toEqual([{ name: "results.json", role: "results", size: f().amd64.length }]);
    expect(readArchive(tgz([{ name: "results.json", data: f().amd64 }]), "zip")).toHaveLength(1);
  });
});

describe("readArchive refuses", () => {
  it(`more than ${MAX_UPLOAD_ENTRIES} entries`, () => {
    const names = Array.from({ length: MAX_UPLOAD_ENTRIES }, (_, i) => `artifacts/extra-${i}.txt`);
    const tarRefusal = refusal(() => readArchive(tgz([{ name: "artifacts/results.json", data: RESULTS }, ...names.map((name) => ({ name }))]), "gzip", "many.tar.gz"));
    expect(tarRefusal).toMatchObject({ code: "too_large", status: 413 });
    expect(tarRefusal.message).toBe(`many.tar.gz: entry "artifacts/extra-199.txt": more than ${MAX_UPLOAD_ENTRIES} files and archive entries in the upload.`);

    const tree: Zippable = { "artifacts/results.json": RESULTS };
    for (const name of names) tree[name] = new Uint8Array();
    const zipRefusal = refusal(() => readArchive(zipSync(tree), "zip", "many.zip"));
    expect(zipRefusal).toMatchObject({ code: "too_large" });
    expect(zipRefusal.message).toMatch(/^many\.zip: entry "artifacts\/extra-199\.txt": more than 200 files and archive entries in the upload/);
    // Exactly the limit is fine.
    expect(readArchive(tgz([{ name: "artifacts/results.json", data: RESULTS }, ...names.slice(1).map((name) => ({ name }))]), "gzip")).toHaveLength(1);
  });

  it("a bomb, while inflating it: 60 MiB of zeros in a tar.gz", () => {
    const zeros = new Uint8Array(60 * 1024 * 1024);
    const archive = tgz([
      { name: "artifacts/results.json", data: RESULTS },
      { name: "artifacts/preflight.log", data: zeros },
    ], 1);
    expect(archive.length).toBeLessThan(200 * 1024);
    const error = refusal(() => readArchive(archive, "gzip", "bomb.tar.gz"));
    expect(error).toMatchObject({ code: "too_large" });
    expect(error.message).toBe('bomb.tar.gz: entry "artifacts/preflight.log": the upload expands to more than 50 MiB (all its files and archives together); refused before unpacking the rest.');
    // A plain gzip bomb (no tar inside) is stopped the same way.
    expect(refusal(() => readArchive(gzipSync(zeros, { level: 1 }), "gzip", "results.json.gz"))).toMatchObject({ code: "too_large" });
  }, 30_000);

  it("a zip bomb: by its declared size before inflating, and by its real size when the header lies", () => {
    const zeros = new Uint8Array(60 * 1024 * 1024);
    const honest = zipSync({ "artifacts/results.json": RESULTS, "artifacts/preflight.log": zeros }, { level: 1 });
    const error = refusal(() => readArchive(honest, "zip", "bomb.zip"));
    expect(error).toMatchObject({ code: "too_large" });
    expect(error.message).toMatch(/^bomb\.zip: entry "artifacts\/preflight\.log": the upload expands to more than 50 MiB/);

    // The same bomb, its central directory claiming 1000 bytes: stopped after 1000, as corrupt.
    const liar = honest.slice();
    const view = new DataView(liar.buffer, liar.byteOffset, liar.byteLength);
    const directory = view.getUint32(liar.length - 22 + 16, true);
    const second = directory + 46 + view.getUint16(directory + 28, true) + view.getUint16(directory + 30, true) + view.getUint16(directory + 32, true);
    view.setUint32(second + 24, 1000, true);
    const lie = refusal(() => readArchive(liar, "zip", "liar.zip"));
    expect(lie).toMatchObject({ code: "invalid" });
    expect(lie.message).toBe('liar.zip: entry "artifacts/preflight.log": the archive is corrupt (inflates to more than the 1000 bytes its header declares).');
  }, 30_000);

  it("archives that share one upload's budget: past 50 MiB or 200 entries together, though each alone is under", () => {
    const ballast = new Uint8Array(20 * 1024 * 1024);
    const tarGz = tgz([{ name: "artifacts/results.json", data: RESULTS }, { name: "artifacts/rpm-manifest.json", data: ballast }], 1);
    const zip = zipSync({ "artifacts/results.json": RESULTS, "artifacts/preflight.log": ballast }, { level: 1 });
    // Alone, each is read; the third of one upload (gzip or zip alike) is refused while unpacking.
    expect(readArchive(tarGz, "gzip")).toHaveLength(1);
    expect(readArchive(zip, "zip")).toHaveLength(2);
    for (const [third, type] of [[tarGz, "gzip"], [zip, "zip"]] as const) {
      const budget = new UploadBudget();
      readArchive(tarGz, "gzip", "first.tar.gz", budget);
      readArchive(zip, "zip", "second.zip", budget);
      const error = refusal(() => readArchive(third, type, "third", budget));
      expect(error).toMatchObject({ code: "too_large" });
      expect(error.message).toMatch(/^third: entry "artifacts\/(rpm-manifest\.json|preflight\.log)": the upload expands to more than 50 MiB \(all its files and archives together\)/);
    }

    const eighty = (prefix: string): TarEntry[] => [{ name: `${prefix}/results.json`, data: RESULTS }, ...Array.from({ length: 79 }, (_, i) => ({ name: `${prefix}/extra-${i}.txt` }))];
    const budget = new UploadBudget();
    expect(readArchive(tgz(eighty("a")), "gzip", "a.tgz", budget)).toHaveLength(1);
    expect(readArchive(zipSync(Object.fromEntries(eighty("b").map((e) => [e.name, e.data ?? new Uint8Array()]))), "zip", "b.zip", budget)).toHaveLength(1);
    expect(refusal(() => readArchive(tgz(eighty("c")), "gzip", "c.tgz", budget)).message).toBe(`c.tgz: entry "c/extra-39.txt": more than ${MAX_UPLOAD_ENTRIES} files and archive entries in the upload.`);
  }, 30_000);

  it("a results.json or cert-image.json larger than 5 MiB", () => {
    const big = new Uint8Array(5 * 1024 * 1024 + 1).fill(0x20);
    expect(refusal(() => readArchive(tgz([{ name: "artifacts/results.json", data: big }]), "gzip", "a.tgz")).message).toBe(
      'a.tgz: entry "artifacts/results.json": larger than 5 MiB.',
    );
    expect(refusal(() => readArchive(zipSync({ "results.json": RESULTS, "cert-image.json": big }), "zip"))).toMatchObject({ code: "too_large" });
  });

  it.each([
    ["../etc/passwd"],
    ["artifacts/../../results.json"],
    ["/abs/results.json"],
    ["C:\\artifacts\\results.json"],
    ["c:results.json"],
    ["artifacts\\..\\..\\results.json"],
    ["\\\\server\\share\\results.json"],
  ])("an entry path that escapes the archive: %s", (name) => {
    const entries = [{ name: "artifacts/results.json", data: RESULTS }, { name, data: utf8("root:x:0:0") }];
    for (const [archive, type] of [
      [tgz(entries), "gzip"],
      [zipSync(Object.fromEntries(entries.map((e) => [e.name, e.data]))), "zip"],
    ] as const) {
      const error = refusal(() => readArchive(archive, type, `evil.${type}`));
      expect(error).toMatchObject({ code: "invalid", status: 400 });
      expect(error.message).toBe(`evil.${type}: entry ${JSON.stringify(name)}: path escapes the archive.`);
    }
  });

  it("links in a tar, and symlinks in a zip", () => {
    for (const [type, what] of [
      ["2", "symbolic"],
      ["1", "hard"],
    ]) {
      const archive = tgz([
        { name: "artifacts/results.json", data: RESULTS },
        { name: "artifacts/amd64/results.json", type, linkName: "/etc/shadow" },
      ]);
      expect(refusal(() => readArchive(archive, "gzip", "links.tar.gz")).message).toBe(`links.tar.gz: entry "artifacts/amd64/results.json": ${what} links are not accepted.`);
    }
    const zip = zipSync({ "results.json": RESULTS, "amd64/results.json": [utf8("/etc/shadow"), { os: 3, attrs: 0o120777 << 16 }] });
    expect(refusal(() => readArchive(zip, "zip", "links.zip"))).toMatchObject({ code: "invalid", message: 'links.zip: entry "amd64/results.json": symbolic links are not accepted.' });
  });

  it("corrupt archives", () => {
    const good = tgz([{ name: "artifacts/results.json", data: RESULTS }]);
    const flipped = good.slice();
    flipped[Math.floor(flipped.length / 2)]! ^= 0x01;
    const badTrailer = good.slice();
    badTrailer[badTrailer.length - 6]! ^= 0xff;
    const goodZip = zipSync({ "artifacts/results.json": RESULTS }, { level: 0 });
    const zipBadCrc = goodZip.slice();
    zipBadCrc[30 + "artifacts/results.json".length + 5]! ^= 0x01; // a byte of the stored results.json
    const zipTruncated = goodZip.subarray(0, goodZip.length - 10);
    const tarBadChecksum = tar([{ name: "artifacts/results.json", data: RESULTS }]);
    tarBadChecksum[10] = 0x41;
    const random = new Uint8Array(4096).map((_, i) => (i * 7919 + 13) % 251);
    const cases: [string, Uint8Array, "gzip" | "zip"][] = [
      ["random bytes as gzip", random, "gzip"],
      ["random bytes as zip", random, "zip"],
      ["empty body", new Uint8Array(), "gzip"],
      ["truncated tar.gz", good.subarray(0, good.length - 20), "gzip"],
      ["a flipped bit in the deflate stream", flipped, "gzip"],
      ["a wrong gzip CRC", badTrailer, "gzip"],
      ["a wrong zip CRC", zipBadCrc, "zip"],
      ["a truncated zip", zipTruncated, "zip"],
      ["a tar header checksum mismatch", gzipSync(tarBadChecksum), "gzip"],
      ["a truncated tar", gzipSync(tar([{ name: "artifacts/results.json", data: RESULTS }]).subarray(0, 700)), "gzip"],
    ];
    for (const [name, bytes, type] of cases) {
      let error: AppError;
      try {
        error = refusal(() => readArchive(bytes, type, "broken.tar.gz"));
      } catch (cause) {
        throw new Error(`${name}: ${String(cause)}`);
      }
      expect(error.code, name).toBe("invalid");
      expect(error.message, name).toMatch(/^broken\.tar\.gz: .*(corrupt|not a gzip file)/);
    }
  });

  it("an archive without results.json", () => {
    for (const [archive, type] of [
      [tgz([{ name: "artifacts/amd64/cert-image.json", data: utf8("{}") }, { name: "artifacts/preflight.log", data: utf8("log") }]), "gzip"],
      [zipSync({ "artifacts/amd64/cert-image.json": utf8("{}"), "artifacts/hashes.txt": utf8("x") }), "zip"],
      [zipSync({}), "zip"],
      [gzipSync(new Uint8Array(10240)), "gzip"], // an empty tar
    ] as const) {
      const error = refusal(() => readArchive(archive, type, "nothing.tar.gz"));
      expect(error).toMatchObject({ code: "invalid" });
      expect(error.message).toMatch(/^nothing\.tar\.gz: holds no results\.json/);
    }
  });

  it("a name that appears twice, and devices", () => {
    const twice = tgz([
      { name: "artifacts/results.json", data: RESULTS },
      { name: "./artifacts/results.json", data: RESULTS },
    ]);
    expect(refusal(() => readArchive(twice, "gzip", "a.tgz")).message).toBe('a.tgz: entry "artifacts/results.json": appears more than once.');
    expect(refusal(() => readArchive(tgz([{ name: "results.json", data: RESULTS }, { name: "dev/null", type: "3" }]), "gzip"))).toMatchObject({ code: "invalid" });
  });

  it("throws nothing but AppError on mangled archives", () => {
    const entries = [
      { name: "artifacts/amd64/results.json", data: RESULTS },
      { name: "artifacts/amd64/cert-image.json", data: utf8('{"architecture":"amd64"}') },
      { name: "artifacts/preflight.log", data: utf8("time=x level=info msg=y\n".repeat(50)) },
    ];
    const seeds: [Uint8Array, "gzip" | "zip"][] = [
      [tgz(entries), "gzip"],
      [tar(entries), "gzip"],
      [zipSync(Object.fromEntries(entries.map((e) => [e.name, e.data]))), "zip"],
      [zipSync(Object.fromEntries(entries.map((e) => [e.name, e.data])), { level: 0 }), "zip"],
    ];
    let state = 42;
    const random = (below: number) => {
      state = (state * 1103515245 + 12345) % 2147483648;
      return state % below;
    };
    for (const [seed, type] of seeds) {
      for (let round = 0; round < 150; round++) {
        const bytes = seed.slice(0, round % 5 === 4 ? random(seed.length) : seed.length);
        for (let flips = 1 + random(4); flips > 0 && bytes.length; flips--) bytes[random(bytes.length)] = random(256);
        try {
          readArchive(bytes, type);
        } catch (error) {
          expect(error, `round ${round}`).toBeInstanceOf(AppError);
        }
      }
    }
  });
});
