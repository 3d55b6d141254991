import Link from "next/link";
import { itemUrl } from "@/lib/backlog/urls";
import type { MyMention } from "@/lib/me/schema";
import { formatAge } from "@/lib/overview/relative-time";

/** Comments that mention the person, newest first: who, when, on which item, and their opening words. */
export function MyWorkMentions({ mentions, product, now }: { mentions: MyMention[]; product: string; now: Date }) {
  return (
    <ul className="divide-y divide-line">
      {mentions.map((mention) => (
        <li key={mention.id} className="py-2">
          <Link href={itemUrl(mention.item.key, product)} className="group block min-w-0">
            <span className="flex flex-wrap items-baseline gap-x-2 text-sm">
              <span className="font-mono text-xs text-blue-700">{mention.item.key}</span>
              <span className="min-w-0 flex-1 truncate font-medium group-hover:underline">{mention.item.title}</span>
            </span>
            <span className="mt-0.5 block text-sm text-gray-700">
              <span className="font-medium">{mention.author}</span>
              <span className="text-muted">
                {" · "}
                <time dateTime={mention.at} title={mention.at}>{formatAge(mention.at, now)}</time>
              </span>
            </span>
            <span className="mt-0.5 block text-sm break-words text-muted">{mention.excerpt}</span>
          </Link>
        </li>
      ))}
    </ul>
  );
}
