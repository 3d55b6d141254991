import Link from "next/link";
import { MyWorkItems } from "@/components/my-work-items";
import { MyWorkMentions } from "@/components/my-work-mentions";
import { MyWorkSection } from "@/components/my-work-section";
import type { MyWork as MyWorkData } from "@/lib/me/schema";

/** "My work": four sections side by side on a wide screen, one after another on a phone. */
export function MyWork({ work, now }: { work: MyWorkData; now: Date }) {
  const product = work.product.slug;
  const jumps = [
    { id: "assigned", label: "Assigned", total: work.assigned.total },
    { id: "watching", label: "Watching", total: work.watching.total },
    { id: "overdue", label: "Overdue", total: work.overdue.total, red: true },
    { id: "mentioned", label: "Mentioned", total: work.mentioned.total },
  ];
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h1 className="text-2xl font-semibold">My work</h1>
        <p className="text-sm text-muted">{work.product.name}</p>
      </div>
      <nav aria-label="Sections" className="flex flex-wrap gap-2 text-sm">
        {jumps.map((jump) => (
          <a key={jump.id} href={`#${jump.id}`} className={`rounded-full border px-3 py-1 hover:underline ${jump.red && jump.total > 0 ? "border-red-300 bg-red-50 text-red-800" : "border-line bg-white text-gray-700"}`}>
            {jump.label} <span className="font-semibold">{jump.total}</span>
          </a>
        ))}
      </nav>
      <div className="grid items-start gap-4 lg:grid-cols-2">
        <MyWorkSection
          id="assigned"
          title="Assigned to me"
          total={work.assigned.total}
          shown={work.assigned.rows.length}
          empty={{ title: "Nothing is assigned to you", hint: "Open items someone assigns to you show up here." }}
          action={
            <Link href={`/items?assignee=me&product=${encodeURIComponent(product)}`} className="text-sm text-blue-700 hover:underline">
              Open in the item list
            </Link>
          }
        >
          <MyWorkItems items={work.assigned.rows} product={product} today={work.today} />
        </MyWorkSection>
        <MyWorkSection
          id="watching"
          title="Watching"
          total={work.watching.total}
          shown={work.watching.rows.length}
          empty={{ title: "You are not watching any open items", hint: "Watch an item to follow it from here." }}
        >
          <MyWorkItems items={work.watching.rows} product={product} today={work.today} showAssignee />
        </MyWorkSection>
        <MyWorkSection
          id="overdue"
          title="Overdue"
          tone="red"
          total={work.overdue.total}
          shown={work.overdue.rows.length}
          empty={{ title: "Nothing overdue", hint: "Open items you are assigned to or watch appear here once their due date passes." }}
        >
          <MyWorkItems items={work.overdue.rows} product={product} today={work.today} showAssignee />
        </MyWorkSection>
        <MyWorkSection
          id="mentioned"
          title="Mentioned"
          total={work.mentioned.total}
          shown={work.mentioned.rows.length}
          empty={{ title: "No one has mentioned you yet", hint: "Comments that mention you show up here, newest first." }}
        >
          <MyWorkMentions mentions={work.mentioned.rows} product={product} now={now} />
        </MyWorkSection>
      </div>
    </div>
  );
}
