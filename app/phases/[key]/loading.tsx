import { Skeleton } from "@/components/ui/skeleton";

export default function Loading() {
  return (
    <div role="status" aria-live="polite" className="space-y-4">
      <span className="sr-only">Loading the phase board…</span>
      <Skeleton className="h-8 w-80" />
      <Skeleton className="h-20" />
      <div className="flex gap-3 overflow-hidden">
        {Array.from({ length: 7 }, (_, i) => (
          <Skeleton key={i} className="h-64 w-64 shrink-0" />
        ))}
      </div>
    </div>
  );
}
