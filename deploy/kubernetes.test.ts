import { existsSync } from "node:fs";
import path from "node:path";
import Ajv from "ajv";
import { ConfigMap, Service } from "kubernetes-models/v1";
import { Deployment } from "kubernetes-models/apps/v1";
import { Job } from "kubernetes-models/batch/v1";
import type { IContainer, IEnvVar, IPodSpec } from "kubernetes-models/v1";
import { describe, expect, it } from "vitest";
import { renderKustomization, type K8sObject } from "./kustomize";

const ROOT = path.resolve(import.meta.dirname, "..");
const KUBE = path.join(ROOT, "deploy", "kubernetes");
const base = renderKustomization(path.join(KUBE, "base"));
const openshift = renderKustomization(path.join(KUBE, "overlays", "openshift"));
const postgres = renderKustomization(path.join(KUBE, "postgres"));

// Kinds kubernetes-models has no model for: their required fields and closed enums, from the
// OpenShift route.openshift.io/v1 and CloudNativePG postgresql.cnpg.io/v1 API references.
const ajv = new Ajv({ allErrors: true, strict: false });
const validateRoute = ajv.compile({
  type: "object",
  required: ["spec"],
  properties: {
    spec: {
      type: "object",
      required: ["to"],
      additionalProperties: false,
      properties: {
        host: { type: "string", pattern: "^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$" },
        path: { type: "string" },
        subdomain: { type: "string" },
        to: { type: "object", required: ["kind", "name"], properties: { kind: { const: "Service" }, name: { type: "string", minLength: 1 }, weight: { type: "integer", minimum: 0, maximum: 256 } } },
        alternateBackends: { type: "array" },
        port: { type: "object", required: ["targetPort"], properties: { targetPort: { type: ["string", "integer"] } } },
        tls: {
          type: "object",
          required: ["termination"],
          properties: { termination: { enum: ["edge", "passthrough", "reencrypt"] }, insecureEdgeTerminationPolicy: { enum: ["Allow", "Disable", "Redirect", "None", ""] } },
        },
        wildcardPolicy: { enum: ["None", "Subdomain"] },
      },
    },
  },
});
const validateCnpgCluster = ajv.compile({
  type: "object",
  required: ["spec"],
  properties: {
    spec: {
      type: "object",
      required: ["instances", "storage"],
      properties: {
        instances: { type: "integer", minimum: 1 },
        imageName: { type: "string" },
        storage: { type: "object", required: ["size"], properties: { size: { type: "string", pattern: "^\\d+(Ki|Mi|Gi|Ti)$" }, storageClass: { type: "string" } } },
        bootstrap: { type: "object", properties: { initdb: { type: "object", required: ["database", "owner"], properties: { database: { type: "string" }, owner: { type: "string" } } } } },
        postgresql: { type: "object", properties: { parameters: { type: "object", additionalProperties: { type: "string" } } } },
        resources: { type: "object" },
      },
    },
  },
});

/** Validates one object against its Kubernetes schema; throws with the schema's complaint. */
function validate(object: K8sObject): void {
  const key = `${object.apiVersion}/${object.kind}`;
  const models: Record<string, (o: K8sObject) => void> = {
    "v1/ConfigMap": (o) => new ConfigMap(o as never).validate(),
    "v1/Service": (o) => new Service(o as never).validate(),
    "apps/v1/Deployment": (o) => new Deployment(o as never).validate(),
    "batch/v1/Job": (o) => new Job(o as never).validate(),
    "route.openshift.io/v1/Route": (o) => {
      if (!validateRoute(o)) throw new Error(ajv.errorsText(validateRoute.errors));
    },
    "postgresql.cnpg.io/v1/Cluster": (o) => {
      if (!validateCnpgCluster(o)) throw new Error(ajv.errorsText(validateCnpgCluster.errors));
    },
  };
  const check = models[key];
  if (!check) throw new Error(`no schema for ${key}`);
  check(object);
}

const byKind = (objects: K8sObject[], kind: string, name?: string) => objects.filter((o) => o.kind === kind && (name === undefined || o.metadata.name === name));
const one = (objects: K8sObject[], kind: string, name: string) => {
  const found = byKind(objects, kind, name);
  expect(found, `${kind}/${name}`).toHaveLength(1);
  return found[0]!;
};
const podSpecOf = (o: K8sObject) => (o.spec as { template: { spec: IPodSpec } }).template.spec;
const workloads = (objects: K8sObject[]) => objects.filter((o) => o.kind === "Deployment" || o.kind === "Job");
const envOf = (c: IContainer, name: string): IEnvVar | undefined => c.env?.find((e) => e.name === name);

describe.each([
  ["base", base],
  ["overlays/openshift", openshift],
])("deploy/kubernetes/%s", (_name, objects) => {
  it("renders objects that each pass their Kubernetes schema", () => {
    expect(objects.length).toBeGreaterThanOrEqual(5);
    for (const object of objects) expect(() => validate(object), `${object.kind}/${object.metadata.name}`).not.toThrow();
  });

  it("runs the web server on 2+ replicas, ready on /api/health?ready=1 and alive on /api/health", () => {
    const web = one(objects, "Deployment", "certboard-web");
    expect((web.spec as { replicas: number }).replicas).toBeGreaterThanOrEqual(2);
    const [container] = podSpecOf(web).containers;
    expect(container!.readinessProbe?.httpGet?.path).toBe("/api/health?ready=1");
    expect(container!.livenessProbe?.httpGet?.path).toBe("/api/health");
    const ports = container!.ports!.map((p) => p.name);
    for (const probe of [container!.readinessProbe, container!.livenessProbe]) expect(ports).toContain(probe!.httpGet!.port);
    // The worker Deployment delivers notifications; the web processes do not.
    expect(envOf(container!, "CERTBOARD_WORKER")?.value).toBe("off");
  });

  it("gives every container CPU and memory requests and a memory limit", () => {
    for (const w of workloads(objects)) {
      for (const c of podSpecOf(w).containers) {
        expect(c.resources?.requests, `${w.metadata.name}/${c.name}`).toMatchObject({ cpu: expect.any(String), memory: expect.any(String) });
        expect(c.resources?.limits?.memory, `${w.metadata.name}/${c.name}`).toEqual(expect.any(String));
      }
    }
  });

  it("passes OpenShift's restricted-v2 SCC on every pod and container", () => {
    for (const w of workloads(objects)) {
      const pod = podSpecOf(w);
      const where = w.metadata.name;
      expect(pod.securityContext?.runAsNonRoot, where).toBe(true);
      expect(pod.securityContext?.runAsUser, `${where}: OpenShift assigns the UID`).toBeUndefined();
      expect(pod.securityContext?.seccompProfile?.type, where).toBe("RuntimeDefault");
      expect([pod.hostNetwork, pod.hostPID, pod.hostIPC].filter(Boolean), where).toEqual([]);
      expect((pod.volumes ?? []).filter((v) => v.hostPath), where).toEqual([]);
      for (const c of [...(pod.initContainers ?? []), ...pod.containers]) {
        const sc = c.securityContext;
        expect(sc?.allowPrivilegeEscalation, `${where}/${c.name}`).toBe(false);
        expect(sc?.privileged ?? false, `${where}/${c.name}`).toBe(false);
        expect(sc?.runAsUser, `${where}/${c.name}`).toBeUndefined();
        expect(sc?.capabilities?.drop, `${where}/${c.name}`).toContain("ALL");
        expect(sc?.capabilities?.add ?? [], `${where}/${c.name}`).toEqual([]);
        expect(sc?.seccompProfile?.type ?? pod.securityContext?.seccompProfile?.type, `${where}/${c.name}`).toBe("RuntimeDefault");
      }
    }
  });

  it("takes DATABASE_URL, BETTER_AUTH_SECRET and SMTP_URL (optional) from the certboard Secret", () => {
    for (const w of workloads(objects)) {
      for (const c of podSpecOf(w).containers) {
        expect(envOf(c, "DATABASE_URL")?.valueFrom?.secretKeyRef, `${w.metadata.name}`).toEqual({ name: "certboard", key: "database-url" });
      }
    }
    const [web] = podSpecOf(one(objects, "Deployment", "certboard-web")).containers;
    expect(envOf(web!, "BETTER_AUTH_SECRET")?.valueFrom?.secretKeyRef).toEqual({ name: "certboard", key: "auth-secret" });
    expect(envOf(web!, "SMTP_URL")?.valueFrom?.secretKeyRef).toEqual({ name: "certboard", key: "smtp-url", optional: true });
    // No secret value is written into a manifest.
    for (const w of workloads(objects)) {
      for (const c of podSpecOf(w).containers) {
        for (const name of ["DATABASE_URL", "BETTER_AUTH_SECRET", "SMTP_URL", "CERTBOARD_METRICS_TOKEN"]) expect(envOf(c, name)?.value).toBeUndefined();
      }
    }
  });

  it("reads configuration from a ConfigMap that exists, with no demo data", () => {
    const names = workloads(objects).flatMap((w) => podSpecOf(w).containers.flatMap((c) => (c.envFrom ?? []).map((e) => e.configMapRef?.name)));
    expect(names.length).toBeGreaterThan(0);
    for (const name of names) one(objects, "ConfigMap", name!);
    expect((one(objects, "ConfigMap", "certboard-config").data as Record<string, string>).CERTBOARD_SEED).toBe("none");
  });

  it("runs one tagged image (never latest) everywhere", () => {
    const images = workloads(objects).flatMap((w) => podSpecOf(w).containers.map((c) => c.image!));
    expect(new Set(images).size).toBe(1);
    expect(images[0]).toMatch(/^[\w.-]+(:\d+)?\/[\w./-]+:[\w.-]+$/);
    expect(images[0]).not.toMatch(/:latest$/);
  });

  it("migrates and seeds the requirement catalog in a Job, and runs `certboard worker` in its own Deployment", () => {
    const job = one(objects, "Job", "certboard-migrate");
    const [migrate] = podSpecOf(job).containers;
    const script = migrate!.command!.at(-1)!;
    expect(migrate!.command!.slice(0, 2)).toEqual(["/bin/sh", "-c"]);
    expect(script).toMatch(/^node scripts\/migrate\.mjs deploy && exec node --conditions=react-server --import tsx prisma\/seed\.ts$/);
    expect(podSpecOf(job).restartPolicy).toMatch(/^(OnFailure|Never)$/);
    const worker = one(objects, "Deployment", "certboard-worker");
    expect(podSpecOf(worker).containers[0]!.command).toEqual(["node", "bin/certboard.mjs", "worker"]);
    // The files the commands name are in the image (it is built from this tree).
    for (const file of ["scripts/migrate.mjs", "prisma/seed.ts", "bin/certboard.mjs"]) expect(existsSync(path.join(ROOT, file)), file).toBe(true);
  });

  it("exposes the web pods through a Service whose selector and port match them", () => {
    const service = one(objects, "Service", "certboard").spec as { selector: Record<string, string>; ports: { targetPort: string }[] };
    const web = one(objects, "Deployment", "certboard-web");
    expect((web.spec as { template: { metadata: { labels: Record<string, string> } } }).template.metadata.labels).toMatchObject(service.selector);
    const worker = one(objects, "Deployment", "certboard-worker");
    expect((worker.spec as { template: { metadata: { labels: Record<string, string> } } }).template.metadata.labels).not.toMatchObject(service.selector);
    expect(podSpecOf(web).containers[0]!.ports!.map((p) => p.name)).toContain(service.ports[0]!.targetPort);
  });
});

describe("deploy/kubernetes/overlays/openshift", () => {
  it("adds a TLS-edge Route to the certboard Service and points CERTBOARD_URL at its host", () => {
    const route = one(openshift, "Route", "certboard").spec as { host: string; to: { name: string }; port: { targetPort: string }; tls: { termination: string } };
    expect(route.tls.termination).toBe("edge");
    const service = one(openshift, "Service", route.to.name).spec as { ports: { name: string }[] };
    expect(service.ports.map((p) => p.name)).toContain(route.port.targetPort);
    expect((one(openshift, "ConfigMap", "certboard-config").data as Record<string, string>).CERTBOARD_URL).toBe(`https://${route.host}`);
    expect(byKind(base, "Route")).toEqual([]);
  });
});

describe("deploy/kubernetes/postgres", () => {
  it("is a CloudNativePG Cluster with a certboard database", () => {
    const cluster = one(postgres, "Cluster", "certboard-db");
    expect(() => validate(cluster)).not.toThrow();
    expect(cluster.spec).toMatchObject({ instances: 3, bootstrap: { initdb: { database: "certboard", owner: "certboard" } } });
  });
});

describe("the schema check", () => {
  it("refuses what the API server would refuse", () => {
    const web = structuredClone(one(base, "Deployment", "certboard-web"));
    (web.spec as { replicas: unknown }).replicas = "two";
    expect(() => validate(web)).toThrow();
    const route = structuredClone(one(openshift, "Route", "certboard"));
    (route.spec as { tls: { termination: string } }).tls.termination = "edges";
    expect(() => validate(route)).toThrow();
    expect(() => validate({ apiVersion: "v1", kind: "Secret", metadata: { name: "x" } })).toThrow(/no schema/);
  });
});
