import { randomBytes } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

// A fake of Red Hat's catalog API (Pyxis) inside the test process, on 127.0.0.1 and a free port:
// the endpoints, paging, field names and error answers of docs/certification-domain.md §6, plus
// scripted faults (rate limits, outages, slow or broken answers) for the client's tests.

const BASE_PATH = "/api/containers";
const PROJECT_PATH = /^\/v1\/projects\/certification\/id\/([^/]+)(\/images|\/test-results)?\/?$/;

/** A project's next answers, consumed one request at a time (any of its endpoints); then normal answers. */
export type FakePyxisBehaviour =
  | { status: 429 | 500 | 503; times: number; retryAfter?: number }
  | { delayMs: number; times?: number }
  | { malformed: true; times?: number }
  | { status: 404; times?: number };

export type FakePyxisRequest = {
  /** Path below the base URL, e.g. /v1/projects/certification/id/<id>/images. */
  path: string;
  query: Record<string, string>;
  apiKey: string | null;
};

export type FakePyxisProject = { project: object; images?: object[]; testResults?: object[] };

export type FakePyxis = {
  /** Base URL for a PyxisClient, e.g. http://127.0.0.1:PORT/api/containers. */
  url: string;
  close(): Promise<void>;
  requests: FakePyxisRequest[];
  setProject(id: string, project: FakePyxisProject): void;
  script(id: string, behaviour: FakePyxisBehaviour): void;
  /** Drops a project and its queued behaviours: it answers 404 again. */
  forget(id: string): void;
};

export async function startFakePyxis(options: { apiKey?: string } = {}): Promise<FakePyxis> {
  const apiKey = options.apiKey ?? "test-key";
  const projects = new Map<string, FakePyxisProject>();
  const scripts = new Map<string, { behaviour: FakePyxisBehaviour; left: number }[]>();
  const requests: FakePyxisRequest[] = [];
  const timers = new Set<NodeJS.Timeout>();

  function nextBehaviour(id: string): FakePyxisBehaviour | null {
    const queue = scripts.get(id);
    const head = queue?.[0];
    if (!queue || !head) return null;
    if (--head.left <= 0) queue.shift();
    return head.behaviour;
  }

  function answer(request: IncomingMessage, response: ServerResponse) {
    const url = new URL(request.url ?? "/", "http://fake-pyxis");
    const path = url.pathname.startsWith(BASE_PATH) ? url.pathname.slice(BASE_PATH.length) : url.pathname;
    const key = request.headers["x-api-key"];
    requests.push({ path, query: Object.fromEntries(url.searchParams), apiKey: typeof key === "string" ? key : null });

    if (key !== apiKey) return json(response, 401, { status: 401, detail: "Unauthorized" });
    const match = url.pathname.startsWith(BASE_PATH) ? PROJECT_PATH.exec(path) : null;
    if (request.method !== "GET" || !match) return json(response, 404, { status: 404, detail: "Not Found" });
    const id = decodeURIComponent(match[1]!);
    const behaviour = nextBehaviour(id);

    const normal = () => {
      const stored = projects.get(id);
      if (!stored) return json(response, 404, { status: 404, detail: `Certification project ${id} not found` });
      if (!match[2]) return json(response, 200, stored.project);
      const items = (match[2] === "/images" ? stored.images : stored.testResults) ?? [];
      return json(response, 200, paged(items, url.searchParams));
    };

    if (!behaviour) return normal();
    if ("delayMs" in behaviour) {
      const timer = setTimeout(() => {
        timers.delete(timer);
        if (!response.destroyed) normal();
      }, behaviour.delayMs);
      timers.add(timer);
      return;
    }
    if ("malformed" in behaviour) {
      response.writeHead(200, { "content-type": "application/json" });
      return response.end('{"data": [');
    }
    if (behaviour.status === 404) return json(response, 404, { status: 404, detail: `Certification project ${id} not found` });
    const headers: Record<string, string> = "retryAfter" in behaviour && behaviour.retryAfter !== undefined ? { "retry-after": String(behaviour.retryAfter) } : {};
    return json(response, behaviour.status, { status: behaviour.status, detail: behaviour.status === 429 ? "Too Many Requests" : "Service Unavailable" }, headers);
  }

  const server = createServer(answer);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}${BASE_PATH}`,
    requests,
    setProject(id, project) {
      projects.set(id, project);
    },
    script(id, behaviour) {
      const times = behaviour.times ?? 1;
      if (times > 0) scripts.set(id, [...(scripts.get(id) ?? []), { behaviour, left: times }]);
    },
    forget(id) {
      projects.delete(id);
      scripts.delete(id);
    },
    close() {
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
      server.closeAllConnections();
      return new Promise((resolve, reject) => server.close((error) => (error ? reject(error) : resolve())));
    },
  };
}

/** Pyxis paging: page counts from 0, page_size defaults to 100 (at most 500 here, as a real server caps it). */
function paged(items: object[], params: URLSearchParams) {
  const pageSize = Math.min(Math.max(Number(params.get("page_size") ?? 100) || 100, 1), 500);
  const page = Math.max(Number(params.get("page") ?? 0) || 0, 0);
  return { data: items.slice(page * pageSize, (page + 1) * pageSize), page, page_size: pageSize, total: items.length };
}

function json(response: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) {
  response.writeHead(status, { "content-type": "application/json", ...headers });
  response.end(JSON.stringify(body));
}

// Builders of realistic payloads, with Pyxis's own field names (§6) and the extra fields a real
// answer carries, so tests also prove that Certboard ignores what it does not read.

/** A random 24-hex-digit id, like Pyxis's ObjectIds. */
export function fakeObjectId(): string {
  return randomBytes(12).toString("hex");
}

export function fakeProject(id: string, overrides: Record<string, unknown> = {}) {
  return {
    _id: id,
    name: `Example operator ${id.slice(-4)}`,
    org_id: 1234567,
    type: "Containers",
    project_status: "active",
    certification_status: "In Progress",
    certification_level: "Certified",
    certification_date: null,
    operator_distribution: "connect",
    creation_date: "2025-01-06T09:30:00.000000+00:00",
    last_update_date: "2025-05-02T14:12:45.123000+00:00",
    container: {
      isv_pid: `ospid-${id}`,
      type: "container",
      os_content_type: "Red Hat Universal Base Image (UBI)",
      privileged: false,
      registry: "registry.connect.redhat.com",
      repository: "example/operator",
      repository_name: "operator",
      repository_namespace: "example",
      // A secret Pyxis really returns: Certboard must never mirror it.
      docker_config_json: '{"auths":{"quay.io":{"auth":"ZmFrZTpzZWNyZXQ="}}}',
    },
    ...overrides,
  };
}

export type FakeImageOptions = {
  id?: string;
  digest?: string;
  architecture?: string;
  tags?: string[];
  published?: boolean;
  certified?: boolean;
  deleted?: boolean;
  registry?: string;
  repository?: string;
  pushDate?: string;
  manifestListDigest?: string;
  grades?: { grade: string; start_date: string; end_date?: string | null }[];
};

export function fakeImage(options: FakeImageOptions = {}) {
  const id = options.id ?? fakeObjectId();
  const pushDate = options.pushDate ?? "2025-04-01T10:00:00.000000+00:00";
  return {
    _id: id,
    docker_image_digest: options.digest ?? `sha256:${id.padEnd(64, "0")}`,
    docker_image_id: `sha256:${id.padStart(64, "f")}`,
    image_id: `sha256:${id.padStart(64, "f")}`,
    architecture: options.architecture ?? "amd64",
    certified: options.certified ?? true,
    deleted: options.deleted ?? false,
    repositories: [
      {
        registry: options.registry ?? "registry.connect.redhat.com",
        repository: options.repository ?? "example/operator",
        published: options.published ?? false,
        push_date: pushDate,
        tags: (options.tags ?? ["1.0.0"]).map((name) => ({ name, added_date: pushDate })),
        ...(options.manifestListDigest ? { manifest_list_digest: options.manifestListDigest } : {}),
      },
    ],
    parsed_data: { architecture: options.architecture ?? "amd64", labels: [{ name: "vendor", value: "Example" }] },
    sum_layer_size_bytes: 123_456_789,
    freshness_grades: options.grades ?? [{ grade: "A", start_date: pushDate, end_date: null }],
  };
}

export type FakeTestResultOptions = {
  id?: string;
  projectId?: string;
  imageId?: string;
  passed?: boolean;
  version?: string;
  creationDate?: string;
  passedChecks?: string[];
  failedChecks?: string[];
  errorChecks?: string[];
  warningChecks?: string[];
};

export function fakeTestResult(options: FakeTestResultOptions = {}) {
  const failed = options.failedChecks ?? [];
  const checks = (names: string[]) => names.map((name) => ({ name, elapsed_time: 12, description: `Check ${name}` }));
  return {
    _id: options.id ?? fakeObjectId(),
    cert_project: options.projectId ?? fakeObjectId(),
    org_id: 1234567,
    image_id: options.imageId ?? fakeObjectId(),
    version: options.version ?? "1.12.1",
    passed: options.passed ?? failed.length === 0,
    certification_hash: "34f2d8b0f7c8a5e1b51c9bb2a4e0c46d",
    creation_date: options.creationDate ?? "2025-04-01T10:05:00.000000+00:00",
    test_library: { name: "github.com/redhat-openshift-ecosystem/openshift-preflight", version: options.version ?? "1.12.1", commit: "a1b2c3d" },
    results: {
      passed: checks(options.passedChecks ?? ["HasLicense", "HasUniqueTag", "LayerCountAcceptable"]),
      failed: checks(failed),
      errors: checks(options.errorChecks ?? []),
      warning: checks(options.warningChecks ?? []),
    },
  };
}
