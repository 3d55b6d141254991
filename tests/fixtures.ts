import { existsSync, readFileSync } from "node:fs";
import path from "node:path";

// The customer's documents live in ../shared/fixtures (never copied into the project). Tests
// that need one skip locally when it is missing, and fail with a clear message in CI.
export const SHARED_FIXTURES = path.resolve(process.cwd(), "../shared/fixtures");
export const BACKLOG_PATH = path.join(SHARED_FIXTURES, "backlog/RedHatCertificationBacklog.md");

export function fixtureAvailable(file: string): boolean {
  if (existsSync(file)) return true;
  if (process.env.CI) throw new Error(`Missing fixture ${file}: CI must have shared/ beside the clone.`);
  return false;
}

export function readFixture(file: string): string {
  return readFileSync(file, "utf8");
}

export const hasBacklogFixture = fixtureAvailable(BACKLOG_PATH);
