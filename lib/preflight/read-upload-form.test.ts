import { gzipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { readUploadForm } from "./read-upload-form";
import { jsonBytes, resultsDocument, utf8 } from "./test-support";

const RESULTS = jsonBytes(resultsDocument({ passed: [{ name: "HasLicense", elapsed_time: 0, description: "d" }] }));

const formRequest = (form: FormData) => new Request("http://localhost/api/v1/preflight/runs", { method: "POST", body: form });

/** A multipart body as a client writes it, streamed without Content-Length; `endless` never ends after its parts. */
function streamedRequest(parts: Uint8Array[], { endless = false } = {}) {
  let next = 0;
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      const part = parts[next++];
      if (part) controller.enqueue(part);
      else if (endless) return new Promise<void>(() => undefined);
      else controller.close();
    },
  });
  return new Request("http://localhost/api/v1/preflight/runs", { method: "POST", headers: { "content-type": "multipart/form-data; boundary=b" }, body, duplex: "half" } as RequestInit);
}

async function refusal(read: Promise<unknown>): Promise<AppError> {
  const error = await read.then(
    () => null,
    (cause: unknown) => cause,
  );
  if (error instanceof AppError) return error;
  throw new Error(`expected an AppError, got ${String(error)}`);
}

describe("readUploadForm", () => {
  it("reads a folder's files by their relative names, unpacks archives, and keeps the first of each text field", async () => {
    const form = new FormData();
    form.append("results", new Blob([Buffer.from(RESULTS)]), "amd64/results.json");
    form.append("certImage", new Blob(["{}"]), "amd64/cert-image.json");
    form.append("results", new Blob([gzipSync(RESULTS)], { type: "application/gzip" }), "arm64/results.json.gz");
    form.append("log", new Blob(["level=info msg=hi"]), "prüfung/preflight.log");
    form.append("component", "operator");
    form.append("component", "ignored");
    form.append("arch", "");
    form.append("other", "ignored");
    form.append("other", new Blob(["ignored"]), "other.txt");
    const { files, fields } = await readUploadForm(formRequest(form));
    expect(files.map(({ name, role, bytes }) => [name, role, bytes.length])).toEqual([
      ["amd64/results.json", "results", RESULTS.length],
      ["amd64/cert-image.json", "certImage", 2],
      // A gzipped results.json is named like the archive, without .gz (read-archive.ts).
      ["results.json", "results", RESULTS.length],
      ["prüfung/preflight.log", "log", 17],
    ]);
    expect(fields).toEqual({ component: "operator", arch: "" });
  });

  it("refuses what is not a readable upload form", async () => {
    const text = new FormData();
    text.append("results", "{}");
    expect(await refusal(readUploadForm(formRequest(text)))).toMatchObject({ code: "invalid", message: "results: send a file, not a text field." });
    const noBoundary = new Request("http://localhost/", { method: "POST", headers: { "content-type": "multipart/form-data" }, body: "x" });
    expect(await refusal(readUploadForm(noBoundary))).toMatchObject({ code: "invalid", message: "The multipart body could not be read." });
    const truncated = streamedRequest([utf8('--b\r\nContent-Disposition: form-data; name="results"; filename="results.json"\r\n\r\n{"image"')]);
    expect(await refusal(readUploadForm(truncated))).toMatchObject({ code: "invalid", message: "The multipart body could not be read." });
  });

  it("counts plain files against the upload's budget, beside its archives", async () => {
    const form = new FormData();
    form.append("log", new Blob([new Uint8Array(45 * 1024 * 1024)]), "preflight.log");
    form.append("results", new Blob([gzipSync(new Uint8Array(10 * 1024 * 1024), { level: 1 })], { type: "application/gzip" }), "results.json.gz");
    const error = await refusal(readUploadForm(formRequest(form)));
    expect(error).toMatchObject({ code: "too_large" });
    expect(error.message).toBe("results.json.gz: the upload expands to more than 50 MiB (all its files and archives together); refused before unpacking the rest.");
  }, 30_000);

  it("refuses a body past 50 MiB without Content-Length as soon as it passes, though it never ends", async () => {
    const head = utf8('--b\r\nContent-Disposition: form-data; name="log"; filename="preflight.log"\r\n\r\n');
    const mib = new Uint8Array(1024 * 1024);
    const request = streamedRequest([head, ...Array.from({ length: 51 }, () => mib)], { endless: true });
    expect(await refusal(readUploadForm(request))).toMatchObject({ code: "too_large", message: "The request body is larger than 50 MiB." });
  }, 30_000);
});
