import { createHash } from "node:crypto";
import { z } from "zod";

import { assertSize, readJsonDocuments } from "./json-documents";
import { MAX_CERT_IMAGE_BYTES, MAX_CERT_IMAGE_LABELS, MAX_JSON_DEPTH } from "./limits";
import { PreflightParseError, withTypedErrors } from "./parse-error";
import { SUPPORTED_ARCHITECTURES, type CertImage } from "./schema";

// cert-image.json is the Pyxis CertImage preflight writes for every run (format doc §3.1). It is
// the authoritative source of the architecture and the image digest, neither of which is in
// results.json. raw_config (the image config as a string, often the bulk of the file) is skipped.

const optionalText = z.string().optional().catch(undefined);
const optionalCount = z.number().int().nonnegative().optional().catch(undefined);
const list = z.array(z.unknown()).optional().catch(undefined);
const labelSchema = z.object({ name: z.string(), value: z.string() });
const tagSchema = z.object({ name: z.string() });
const DIGEST = /^[a-z0-9]+(?:[+._-][a-z0-9]+)*:[a-f0-9]{32,}$/;

const rawCertImageSchema = z.looseObject({
  architecture: optionalText,
  certified: z.boolean().optional().catch(undefined),
  docker_image_digest: optionalText,
  docker_image_id: optionalText,
  parsed_data: z
    .looseObject({ architecture: optionalText, created: optionalText, os: optionalText, labels: list, layers: list })
    .optional()
    .catch(undefined),
  repositories: list,
  sum_layer_size_bytes: optionalCount,
});

const repositorySchema = z.looseObject({
  registry: optionalText,
  repository: optionalText,
  push_date: optionalText,
  manifest_list_digest: optionalText,
  tags: list,
});

export function parseCertImageJson(bytes: Uint8Array, options: { fileName?: string } = {}): CertImage {
  const label = options.fileName ? `cert-image.json (${options.fileName.slice(-200)})` : "cert-image.json";
  return withTypedErrors(label, () => readCertImage(bytes, label, options.fileName));
}

function readCertImage(bytes: Uint8Array, label: string, fileName: string | undefined): CertImage {
  assertSize(bytes, MAX_CERT_IMAGE_BYTES, label, fileName);
  const documents = readJsonDocuments(bytes, { label, maxDocuments: 1, maxDepth: MAX_JSON_DEPTH });
  const document = documents[0];
  if (!document) {
    throw new PreflightParseError("empty_results", `${label} is empty: the preflight run did not finish writing it.`);
  }
  const parsed = rawCertImageSchema.safeParse(document.value);
  const raw = parsed.success ? parsed.data : null;
  if (!raw || (raw.docker_image_digest === undefined && raw.parsed_data === undefined)) {
    throw new PreflightParseError("not_preflight", `${label} is not a preflight cert-image.json (no docker_image_digest or parsed_data).`);
  }
  const warnings: string[] = [];
  const repositories = raw.repositories ?? [];
  const repository = repositorySchema.safeParse(repositories[0]).data;
  if (repositories.length > 1) warnings.push(`cert-image.json lists ${repositories.length} repositories; the first is used.`);
  const labels = (raw.parsed_data?.labels ?? []).flatMap((entry) => labelSchema.safeParse(entry).data ?? []);
  if (labels.length > MAX_CERT_IMAGE_LABELS) warnings.push(`Only the first ${MAX_CERT_IMAGE_LABELS} labels are kept.`);

  return {
    architecture: readArchitecture(raw.architecture, raw.parsed_data?.architecture, warnings),
    digest: readDigest(raw.docker_image_digest, "docker_image_digest", warnings),
    configDigest: readDigest(raw.docker_image_id, "docker_image_id", warnings),
    manifestListDigest: readDigest(repository?.manifest_list_digest, "manifest_list_digest", warnings),
    registry: repository?.registry ?? null,
    repository: repository?.repository ?? null,
    tags: (repository?.tags ?? []).flatMap((tag) => tagSchema.safeParse(tag).data?.name ?? []),
    pushDate: repository?.push_date ?? null,
    created: raw.parsed_data?.created ?? null,
    os: raw.parsed_data?.os ?? null,
    labels: labels.slice(0, MAX_CERT_IMAGE_LABELS),
    layerCount: raw.parsed_data?.layers?.length ?? null,
    sumLayerSizeBytes: raw.sum_layer_size_bytes ?? null,
    certified: raw.certified ?? null,
    contentSha256: createHash("sha256").update(bytes.subarray(document.start, document.end)).digest("hex"),
    warnings,
  };
}

function readArchitecture(top: string | undefined, parsed: string | undefined, warnings: string[]): string | null {
  const architecture = (top ?? parsed)?.trim().toLowerCase() || null;
  if (top && parsed && top.toLowerCase() !== parsed.toLowerCase()) {
    warnings.push(`cert-image.json says architecture ${top} at the top and ${parsed} in parsed_data; ${top} is used.`);
  }
  const supported: readonly string[] = SUPPORTED_ARCHITECTURES;
  if (architecture === null) warnings.push("cert-image.json names no architecture.");
  else if (!supported.includes(architecture)) {
    warnings.push(`Architecture ${architecture.slice(0, 40)} is not one preflight processes (${SUPPORTED_ARCHITECTURES.join(", ")}).`);
  }
  return architecture;
}

function readDigest(value: string | undefined, key: string, warnings: string[]): string | null {
  if (value === undefined || value === "") return null;
  const digest = value.trim().toLowerCase();
  if (DIGEST.test(digest)) return digest;
  warnings.push(`${key} "${value.slice(0, 80)}" is not a digest and was ignored.`);
  return null;
}
