"use client";

import Link from "next/link";
import { useSearchParams } from "next/navigation";
import type { ReactNode } from "react";
import { phaseBoardUrl } from "@/lib/phases/schema";

/** A link to a phase's board that keeps the product the current page is showing (`?product=`). */
export function PhaseBoardLink({ phaseKey, className, children }: { phaseKey: string; className?: string; children: ReactNode }) {
  const product = useSearchParams().get("product");
  return (
    <Link href={phaseBoardUrl(phaseKey, product)} className={className}>
      {children}
    </Link>
  );
}
