import Link from "next/link";

export type OverviewCard = {
  id: string;
  label: string;
  value: string;
  detail: string;
  href: string;
  /** A left accent that repeats what the text says; never the only signal. */
  tone: "red" | "amber" | "green" | "blue";
};

const ACCENT: Record<OverviewCard["tone"], string> = {
  red: "border-l-red-600",
  amber: "border-l-amber-500",
  green: "border-l-green-600",
  blue: "border-l-blue-600",
};

/** The headline numbers, each computed from the data and linking to what it counts. */
export function OverviewCards({ cards }: { cards: OverviewCard[] }) {
  return (
    <ul className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
      {cards.map((card) => (
        <li key={card.id} className="break-inside-avoid">
          <Link
            href={card.href}
            data-testid={`overview-${card.id}`}
            className={`block h-full rounded-lg border border-l-4 border-line bg-white p-4 shadow-sm hover:shadow print:shadow-none ${ACCENT[card.tone]}`}
          >
            <p className="text-sm text-muted">{card.label}</p>
            <p className="mt-1 text-3xl font-semibold tabular-nums" data-testid={`overview-${card.id}-value`}>
              {card.value}
            </p>
            <p className="mt-1 text-sm text-gray-700">{card.detail}</p>
          </Link>
        </li>
      ))}
    </ul>
  );
}
