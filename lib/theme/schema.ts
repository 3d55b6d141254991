import { z } from "zod";

/** The colour scheme a person chose; "system" follows the operating system's setting. */
export const THEMES = ["system", "light", "dark"] as const;
export const themeSchema = z.enum(THEMES);
export type Theme = z.infer<typeof themeSchema>;

export const THEME_COOKIE = "certboard-theme";

export const THEME_LABELS: Record<Theme, string> = { system: "System", light: "Light", dark: "Dark" };

/** The cookie's value as a theme: anything missing or unknown follows the system. */
export function parseTheme(value: string | undefined): Theme {
  return themeSchema.catch("system").parse(value);
}

/** The class the html element carries: none for "system", so the media query decides. */
export function themeClass(theme: Theme): string | undefined {
  return theme === "system" ? undefined : theme;
}

/** System → Light → Dark → System: the order the toggle cycles through. */
export function nextTheme(theme: Theme): Theme {
  return THEMES[(THEMES.indexOf(theme) + 1) % THEMES.length]!;
}
