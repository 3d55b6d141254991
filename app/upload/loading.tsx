import { Skeleton } from "@/components/ui/skeleton";

export default function Loading() {
  return (
    <div role="status" aria-live="polite" className="max-w-4xl space-y-4">
      <span className="sr-only">Loading…</span>
      <Skeleton className="h-8 w-72" />
      <Skeleton className="h-12" />
      <Skeleton className="h-40" />
    </div>
  );
}
