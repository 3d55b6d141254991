// Red Hat's health grades of an image, A (no known unfixed security issue) to F. The sync reads the
// grade in force (lib/pyxis/grades.ts); CTR-13 passes on the worst grade of the images in use.

export const FRESHNESS_GRADES = ["A", "B", "C", "D", "E", "F"] as const;

/** The worst of the grades (A best … F worst); values outside A–F are ignored; null if none is left. */
export function worstGrade(grades: string[]): string | null {
  let worst = -1;
  for (const grade of grades) {
    worst = Math.max(worst, FRESHNESS_GRADES.indexOf(grade.trim().toUpperCase() as (typeof FRESHNESS_GRADES)[number]));
  }
  return worst < 0 ? null : FRESHNESS_GRADES[worst]!;
}
