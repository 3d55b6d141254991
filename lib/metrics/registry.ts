import client from "prom-client";

// The app's own metrics live in prom-client's default registry, beside the request durations
// scripts/serve/metrics.mjs records: next.config.ts keeps prom-client out of the bundle so both load
// one module. A metric is created once per process (Next may evaluate this file more than once).

function once<M extends client.Metric>(name: string, create: () => M): M {
  return (client.register.getSingleMetric(name) as M | undefined) ?? create();
}

export const UPLOAD_OUTCOMES = ["created", "duplicate", "refused", "error"] as const;
export type UploadOutcome = (typeof UPLOAD_OUTCOMES)[number];

const uploads = () =>
  once("certboard_preflight_uploads_total", () => {
    const counter = new client.Counter({
      name: "certboard_preflight_uploads_total",
      help: "Preflight uploads (POST /api/v1/preflight/runs) by outcome: created (a new run stored), duplicate (every run already stored), refused (4xx), error (5xx).",
      labelNames: ["outcome"],
    });
    for (const outcome of UPLOAD_OUTCOMES) counter.inc({ outcome }, 0);
    return counter;
  });

/** Counts one upload by the status it was answered with. */
export function countUpload(status: number): void {
  const outcome: UploadOutcome = status === 201 ? "created" : status < 300 ? "duplicate" : status < 500 ? "refused" : "error";
  uploads().inc({ outcome });
}

/**
 * A gauge whose value is read at each scrape. `aggregator` says how a cluster's workers combine:
 * "sum" for what each process has of its own (its pool), "max" for one shared fact every worker
 * reads alike (a queue in PostgreSQL).
 */
export function readGauge(options: { name: string; help: string; labelNames?: string[]; aggregator: "sum" | "max"; read: (gauge: client.Gauge) => Promise<void> | void }): void {
  once(options.name, () => {
    const { read, ...config } = options;
    return new client.Gauge({
      ...config,
      labelNames: options.labelNames ?? [],
      async collect() {
        await read(this);
      },
    });
  });
}

export const METRICS_CONTENT_TYPE = client.register.contentType;

/** The whole server's metrics: merged over the cluster when scripts/serve.mjs runs workers, else this process's. */
export async function metricsText(): Promise<string> {
  uploads();
  const cluster = (globalThis as { certboardClusterMetrics?: () => Promise<string> }).certboardClusterMetrics;
  return cluster ? cluster() : client.register.metrics();
}
