"use client";

import { Button } from "@/components/ui/button";

/** Opens the browser's print dialog; the page's print styles drop navigation and controls. */
export function PrintButton({ label = "Print" }: { label?: string }) {
  return (
    <Button variant="secondary" size="sm" onClick={() => window.print()} className="print:hidden">
      {label}
    </Button>
  );
}
