import Link from "next/link";
import { EmptyState } from "@/components/ui/empty-state";

export default function PhaseNotFound() {
  return (
    <EmptyState title="This phase does not exist">
      <Link href="/phases" className="text-blue-700 hover:underline">See all phases</Link>
    </EmptyState>
  );
}
