import { buildWorkers } from "../scripts/build.mjs";

// Tests read backlogs through the worker thread the server uses: compile it from today's sources.
export default async function setup(): Promise<void> {
  await buildWorkers();
}
