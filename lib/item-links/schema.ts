/** Where an item's references lead, resolved on the server (the item page's client view adds none). */
export type ItemLinks = {
  /** Check name → the newest run that reported it, at the check's row. */
  checks: Record<string, string>;
  /** Requirement code → its title and where its evidence is shown. */
  requirements: Record<string, { title: string; href: string }>;
};
