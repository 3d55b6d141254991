import Link from "next/link";
import { Alert } from "@/components/ui/alert";
import type { QueryProblem } from "@/lib/query-params";

/** Says which filters of a hand-edited or stale URL were ignored, with a link to the page without them. */
export function QueryProblems({ problems, clearHref }: { problems: QueryProblem[]; clearHref: string }) {
  if (problems.length === 0) return null;
  const plural = problems.length > 1;
  return (
    <Alert title={plural ? "These filters were ignored" : "This filter was ignored"}>
      <ul className="list-disc pl-5" data-testid="query-problems">
        {problems.map((problem) => (
          <li key={problem.param} className="break-words">{problem.message}.</li>
        ))}
      </ul>
      <Link href={clearHref} className="mt-2 inline-block underline">
        {plural ? "Clear these filters" : "Clear this filter"}
      </Link>
    </Alert>
  );
}
