import { rmSync } from "node:fs";
import type { TestProject } from "vitest/node";
import { dbPort, requireBuild, scratchDir, startDatabase, stopAll, stopDatabase } from "./harness";

// One PostgreSQL for the tier, migrated and seeded once; each file copies the seeded database
// (CREATE DATABASE … TEMPLATE), which takes a fraction of a second. The outage file stops
// PostgreSQL under a running server, so it starts one of its own.

declare module "vitest" {
  export interface ProvidedContext {
    systemDatabaseUrl: string;
  }
}

export default async function setup(project: TestProject) {
  requireBuild();
  const dataDir = scratchDir("shared");
  const db = await startDatabase({ dataDir, port: dbPort(0), prepare: true }).catch(async (error: unknown) => {
    await stopAll();
    rmSync(dataDir, { recursive: true, force: true });
    throw error;
  });
  project.provide("systemDatabaseUrl", db.url);
  return async () => {
    await stopDatabase(db);
    rmSync(dataDir, { recursive: true, force: true });
  };
}
