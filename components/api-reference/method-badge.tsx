import { Badge, type Tone } from "@/components/ui/badge";

const TONE: Record<string, Tone> = { GET: "blue", POST: "green", PUT: "amber", PATCH: "purple", DELETE: "red" };

/** The HTTP method as a coloured badge; the word itself carries the meaning, the colour only helps. */
export function MethodBadge({ method }: { method: string }) {
  return (
    <span className="inline-block w-16 font-mono">
      <Badge tone={TONE[method] ?? "gray"}>{method}</Badge>
    </span>
  );
}
