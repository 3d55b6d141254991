import "server-only";
import { getDb } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { smtpConfigured } from "../email-config";
import { sendMail } from "../email";
import { absoluteUrl } from "../text";
import { getDigest, listDigestProducts, listDigestRecipients } from "./data";
import { renderDigest, type DigestMail } from "./render";
import { dueDigestWeek } from "./week";

type Log = (message: string) => void;
export type DigestResult = { product: string; sent: string[]; failed: { to: string; error: string }[] };

/** The digest of one product as it would be mailed now. */
export async function buildDigestMail(productSlug: string | undefined, now: Date): Promise<{ product: string; mail: DigestMail }> {
  const digest = await getDigest(productSlug, now);
  return { product: digest.report.product.slug, mail: renderDigest(digest, absoluteUrl) };
}

/** Mails one product's digest: to `to` only, or to everyone with the digest on who may see the product. */
export async function sendDigest(input: { product?: string; to?: string; now: Date }): Promise<DigestResult> {
  if (!smtpConfigured()) throw new AppError("invalid", "Email is off: set SMTP_URL (e.g. smtp://user:pass@mail.example.com:587) to send the digest.");
  const { product, mail } = await buildDigestMail(input.product, input.now);
  const recipients = input.to ? [input.to] : await listDigestRecipients(product);
  const result: DigestResult = { product, sent: [], failed: [] };
  // One message each, so no recipient sees the others' addresses.
  for (const to of recipients) {
    try {
      await sendMail({ to, ...mail, headers: { "X-Certboard-Digest": product } });
      result.sent.push(to);
    } catch (error) {
      result.failed.push({ to, error: error instanceof Error ? error.message : String(error) });
    }
  }
  return result;
}

/**
 * The hourly schedule's digest step: every product whose Monday 08:00 (its timezone) has come this
 * week gets its digest once. The DigestSend row is claimed before sending, so several workers or
 * a restart never send a week twice; when every message failed the claim is given back, and the
 * next hour tries again. `productIds` limits it to some products (tests share one database).
 */
export async function sendWeeklyDigests(now: Date, options: { log?: Log; productIds?: string[] } = {}): Promise<DigestResult[]> {
  const log = options.log ?? (() => {});
  if (!smtpConfigured()) return [];
  const results: DigestResult[] = [];
  for (const product of await listDigestProducts(options.productIds)) {
    const week = dueDigestWeek(now, product.timezone);
    if (!week) continue;
    const claimed = await getDb().$transaction((tx) =>
      tx.digestSend.createMany({ data: [{ productId: product.id, week: new Date(`${week}T00:00:00Z`) }], skipDuplicates: true }),
    );
    if (claimed.count === 0) continue;
    try {
      const result = await sendDigest({ product: product.slug, now });
      for (const f of result.failed) log(`digest of ${product.slug} to ${f.to} failed: ${f.error}`);
      if (result.sent.length === 0 && result.failed.length > 0) await releaseClaim(product.id, week);
      results.push(result);
    } catch (error) {
      await releaseClaim(product.id, week);
      log(`digest of ${product.slug} failed (retried next hour): ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  return results;
}

async function releaseClaim(productId: string, week: string): Promise<void> {
  await getDb().$transaction((tx) => tx.digestSend.deleteMany({ where: { productId, week: new Date(`${week}T00:00:00Z`) } }));
}
