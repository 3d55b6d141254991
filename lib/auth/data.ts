import "server-only";
import { getDb } from "@/lib/db";

/** Whether the first admin has been created (before that, every page leads to /setup). */
export async function isSetUp(): Promise<boolean> {
  return (await getDb().setupState.count()) > 0;
}
