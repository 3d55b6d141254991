import { isoDay } from "@/lib/calendar/days";
import type { Metadata } from "next";
import Link from "next/link";
import { MyWork } from "@/components/my-work";
import { EmptyState } from "@/components/ui/empty-state";
import { pagePath } from "@/lib/auth/next-path";
import { requirePageUser } from "@/lib/auth/session";
import { getMyWork } from "@/lib/me/data";
import { myWorkQuerySchema } from "@/lib/me/schema";
import { pageProduct } from "@/lib/products/page";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "My work" };

export default async function MyWorkPage({ searchParams }: { searchParams: Promise<Record<string, string | string[]>> }) {
  const raw = await searchParams;
  const user = await requirePageUser(pagePath("/me", raw));
  const parsed = myWorkQuerySchema.safeParse(raw);
  const product = await pageProduct(user, parsed.success ? parsed.data.product : undefined);
  if (!product) {
    return (
      <div className="space-y-4">
        <h1 className="text-2xl font-semibold">My work</h1>
        <EmptyState title="No backlog yet">
          <Link href="/import" className="text-blue-700 underline">Import a backlog document</Link> to start tracking work.
        </EmptyState>
      </div>
    );
  }
  const now = new Date();
  const work = await getMyWork({ userId: user.id, productSlug: product, today: isoDay(now) });
  return <MyWork work={work} now={now} />;
}
