import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { UploadDropzone } from "@/components/upload-dropzone";
import { Card } from "@/components/ui/card";
import { pagePath } from "@/lib/auth/next-path";
import { can } from "@/lib/auth/schema";
import { pageProduct } from "@/lib/products/page";
import { requirePageUser } from "@/lib/auth/session";
import { listComponents } from "@/lib/components/data";
import { productQuerySchema } from "@/lib/backlog/schema";
import { isAppError } from "@/lib/errors";
import { runsUrl } from "@/lib/preflight/client";
import { SUPPORTED_ARCHITECTURES } from "@/lib/preflight/schema";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Upload preflight results" };

export default async function UploadPage({ searchParams }: { searchParams: Promise<Record<string, string | string[]>> }) {
  const query = await searchParams;
  const user = await requirePageUser(pagePath("/upload", query));
  const parsed = productQuerySchema.safeParse(query);
  const product = await pageProduct(user, parsed.success ? parsed.data.product : undefined);
  const runsLink = (
    <Link href={runsUrl({ product })} className="text-blue-700 underline">
      See the preflight runs
    </Link>
  );

  if (!can(user, "upload_results")) {
    return (
      <div className="max-w-2xl space-y-4">
        <h1 className="text-2xl font-semibold">Upload preflight results</h1>
        <Card>
          <p className="text-sm" data-testid="upload-not-allowed">
            Your role ({user.role}) can read preflight runs but not upload them; uploading needs an engineer or admin. {runsLink}.
          </p>
        </Card>
      </div>
    );
  }

  const components = await listComponents(product).catch((error: unknown) => {
    if (isAppError(error) && error.code === "not_found") notFound();
    throw error;
  });
  return (
    <div className="max-w-4xl space-y-4">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h1 className="text-2xl font-semibold">Upload preflight results</h1>
        <p className="text-sm">{runsLink}</p>
      </div>
      <p className="text-sm text-muted">
        Each stored run is compared with the previous run of the same component and architecture, and the backlog is updated: failing
        checks open or reopen items, passing checks verify them. The same results uploaded twice are stored once.
      </p>
      <UploadDropzone product={product} components={components.map((c) => ({ slug: c.slug, name: c.name }))} architectures={SUPPORTED_ARCHITECTURES} />
    </div>
  );
}
