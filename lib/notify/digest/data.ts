import "server-only";
import { getDb } from "@/lib/db";
import { getForecast } from "@/lib/forecast/data";
import { getStatusReport } from "@/lib/overview/data";
import { peopleWhoSee } from "@/lib/products/data";
import type { Digest } from "./render";

/** The digest's facts: the downloadable status report and the product forecast's sentence. */
export async function getDigest(productSlug: string | undefined, now: Date): Promise<Digest> {
  const report = await getStatusReport(productSlug, now);
  const forecast = await getForecast({ product: report.product.slug, now });
  return { report, forecast: forecast.sentence };
}

/** Who gets a product's digest: active people who may see it and have not turned the digest off. */
export async function listDigestRecipients(productSlug: string): Promise<string[]> {
  const product = await getDb().product.findUniqueOrThrow({ where: { slug: productSlug }, select: { id: true, restricted: true } });
  const people = await getDb().user.findMany({
    where: { AND: [peopleWhoSee(product), { OR: [{ notificationPreference: null }, { notificationPreference: { digest: true } }] }] },
    select: { email: true },
    orderBy: { email: "asc" },
  });
  return people.map((p) => p.email);
}

/** Every product and its timezone, for the weekly schedule. */
export async function listDigestProducts(ids?: string[]): Promise<{ id: string; slug: string; timezone: string }[]> {
  return getDb().product.findMany({ where: ids ? { id: { in: ids } } : {}, select: { id: true, slug: true, timezone: true }, orderBy: { createdAt: "asc" } });
}
