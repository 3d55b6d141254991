import { Skeleton } from "@/components/ui/skeleton";

export default function Loading() {
  return (
    <div role="status" aria-live="polite" className="space-y-4">
      <span className="sr-only">Loading the preflight run…</span>
      <Skeleton className="h-4 w-40" />
      <Skeleton className="h-40" />
      <Skeleton className="h-24" />
      <Skeleton className="h-64" />
    </div>
  );
}
