import type { ReactNode } from "react";

export type Tone = "red" | "amber" | "green" | "blue" | "gray" | "purple";

const TONES: Record<Tone, string> = {
  red: "bg-red-50 text-red-800 ring-red-600/20",
  amber: "bg-amber-50 text-amber-800 ring-amber-600/20",
  green: "bg-green-50 text-green-800 ring-green-600/20",
  blue: "bg-blue-50 text-blue-800 ring-blue-600/20",
  gray: "bg-gray-50 text-gray-700 ring-gray-500/20",
  purple: "bg-purple-50 text-purple-800 ring-purple-600/20",
};

export function Badge({ tone = "gray", children, title }: { tone?: Tone; children: ReactNode; title?: string }) {
  return (
    <span title={title} className={`inline-flex items-center whitespace-nowrap rounded-md px-2 py-0.5 text-xs font-medium ring-1 ring-inset ${TONES[tone]}`}>
      {children}
    </span>
  );
}
