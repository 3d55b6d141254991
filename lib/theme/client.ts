"use client";

import { createContext, useContext, useSyncExternalStore } from "react";
import { THEME_COOKIE, themeClass, type Theme } from "./schema";

// The html element's class is the single source of truth in the browser: the server sets it from the
// cookie (no flash), the toggle changes it and the cookie together.
function read(): Theme {
  const list = document.documentElement.classList;
  return list.contains("dark") ? "dark" : list.contains("light") ? "light" : "system";
}

function subscribe(onChange: () => void): () => void {
  const observer = new MutationObserver(onChange);
  observer.observe(document.documentElement, { attributes: true, attributeFilter: ["class"] });
  return () => observer.disconnect();
}

/** Applies a choice at once and keeps it for a year, for every page of the app. */
export function setTheme(theme: Theme): void {
  const root = document.documentElement;
  root.classList.remove("light", "dark");
  const name = themeClass(theme);
  if (name) root.classList.add(name);
  document.cookie = `${THEME_COOKIE}=${theme}; path=/; max-age=31536000; samesite=lax`;
}

/** The theme the server rendered with (from the cookie), so hydration agrees with the html class. */
export const ServerTheme = createContext<Theme>("system");

/** The chosen theme, kept in step with the html element. */
export function useTheme(): Theme {
  const server = useContext(ServerTheme);
  return useSyncExternalStore(subscribe, read, () => server);
}
