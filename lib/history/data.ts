import "server-only";
import { changeText } from "@/lib/history/describe-event";
import { getRun } from "@/lib/preflight/data";

/**
 * A run as its page and `GET /api/v1/preflight/runs/{id}` show it: the run, and the items it touched,
 * each with its changes in words ("Opened: HasLicense failed"; no "by run …" on the run's own page).
 */
export async function getRunWithItems(id: string) {
  const { events, ...run } = await getRun(id);
  const items = new Map<string, { key: string; title: string; product: string; changes: string[] }>();
  for (const e of events) {
    const entry = items.get(e.item.key) ?? { key: e.item.key, title: e.item.title, product: e.item.product.slug, changes: [] };
    entry.changes.push(changeText({ ...e, run: { id, component: null, tag: null, architecture: "unknown" } }));
    items.set(e.item.key, entry);
  }
  return { ...run, items: [...items.values()] };
}
