// A comment's line in the item's history: "commented", "edited a comment" (from the old text to
// the new) or "deleted a comment". Plain text, never markdown, and phrasing content only: the
// history renders it inside a paragraph.

import { cutAtWord } from "@/lib/excerpt";

type Props = { note: string | null; oldValue: unknown; newValue: unknown };

const text = (value: unknown) => (typeof value === "string" ? value : null);

function Quote({ value }: { value: string }) {
  return <q className="break-words whitespace-pre-line text-gray-700">{cutAtWord(value)}</q>;
}

export function CommentEventText({ note, oldValue, newValue }: Props) {
  const before = text(oldValue);
  const after = text(newValue);
  const verb = note ?? (before === null ? "commented" : after === null ? "deleted a comment" : "edited a comment");
  if (before !== null && after !== null) {
    return (
      <>
        {verb} from <Quote value={before} /> to <Quote value={after} />
      </>
    );
  }
  const quoted = after ?? before;
  return (
    <>
      {verb}
      {quoted !== null && (
        <>
          : <Quote value={quoted} />
        </>
      )}
    </>
  );
}
