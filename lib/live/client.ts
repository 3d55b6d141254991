"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useEffect, useSyncExternalStore } from "react";
import { backoffDelay } from "./backoff";
import { streamChangeSchema, streamStatusSchema, streamUrl } from "./schema";

// Browser side of live updates: one EventSource per page for the product it shows. A change
// invalidates the product's TanStack Query views (phase boards, item details) and, for pages
// rendered on the server, calls router.refresh(): both debounced, and held back while a save of
// this browser is still on its way (its optimistic state would flicker otherwise). While the
// stream is down, client-owned views poll (see usePhaseBoard) and server pages refresh every
// FALLBACK_POLL_MS. Hidden tabs close their stream (browsers allow few connections per host)
// and resync when shown again.

export type LiveStatus = "connecting" | "live" | "reconnecting" | "paused";

/** Polling interval while the stream is not live. */
export const FALLBACK_POLL_MS = 15_000;
const DEBOUNCE_MS = 300;
const MUTATION_WAIT_MS = 500;

// Status per product, readable from any component (the phase board stops polling while live).
const statuses = new Map<string, LiveStatus>();
const watchers = new Set<() => void>();

function setStatus(product: string, status: LiveStatus | undefined) {
  if (statuses.get(product) === status) return;
  if (status) statuses.set(product, status);
  else statuses.delete(product);
  for (const watcher of watchers) watcher();
}

function watch(onChange: () => void) {
  watchers.add(onChange);
  return () => void watchers.delete(onChange);
}

/** The stream's status for a product, or null when no live view of it is mounted. */
export function useLiveStatus(product: string | null | undefined): LiveStatus | null {
  return useSyncExternalStore(
    watch,
    () => (product ? (statuses.get(product) ?? null) : null),
    () => null,
  );
}

/** Opens the product's stream while mounted and returns its status; `refreshPage` also refreshes server-rendered parts. */
export function useLiveUpdates(product: string | null | undefined, options: { refreshPage: boolean }): LiveStatus | null {
  const queryClient = useQueryClient();
  const router = useRouter();
  const { refreshPage } = options;

  useEffect(() => {
    if (!product) return;
    let source: EventSource | null = null;
    let live = false;
    let attempt = 0;
    let resyncOnLive = false;
    let retryTimer: ReturnType<typeof setTimeout> | undefined;
    let flushTimer: ReturnType<typeof setTimeout> | undefined;

    const refresh = (page: boolean) => {
      void queryClient.invalidateQueries({ queryKey: ["phases", product] });
      void queryClient.invalidateQueries({ queryKey: ["items", product] });
      if (page && refreshPage) router.refresh();
    };
    const flush = () => {
      flushTimer = undefined;
      if (queryClient.isMutating() > 0) return schedule(MUTATION_WAIT_MS);
      refresh(true);
    };
    function schedule(delay = DEBOUNCE_MS) {
      flushTimer ??= setTimeout(flush, delay);
    }
    const goLive = (isLive: boolean) => {
      live = isLive;
      if (isLive) {
        attempt = 0;
        // Changes made while the stream was down were missed: fetch everything once.
        if (resyncOnLive) schedule();
        else refresh(false);
        resyncOnLive = false;
      } else {
        resyncOnLive = true;
      }
      setStatus(product, isLive ? "live" : "reconnecting");
    };

    const close = () => {
      source?.close();
      source = null;
      clearTimeout(retryTimer);
      retryTimer = undefined;
    };
    const connect = () => {
      close();
      const es = new EventSource(streamUrl(product));
      source = es;
      es.addEventListener("status", (event) => {
        const parsed = streamStatusSchema.safeParse(safeJson((event as MessageEvent<string>).data));
        if (parsed.success) goLive(parsed.data.live);
      });
      es.addEventListener("change", (event) => {
        // A notification concerns one person: their bell refetches, nobody's page re-renders.
        const change = streamChangeSchema.safeParse(safeJson((event as MessageEvent<string>).data));
        if (change.success && change.data.table === "Notification") void queryClient.invalidateQueries({ queryKey: ["notifications"] });
        else schedule();
      });
      es.onerror = () => {
        goLive(false);
        // EventSource retries by itself after a network error, but gives up after an HTTP error
        // (signed out, server restarting behind a proxy): then we retry, with backoff.
        if (es.readyState === EventSource.CLOSED) {
          es.close();
          if (source === es) source = null;
          retryTimer = setTimeout(connect, backoffDelay(attempt++));
        }
      };
    };

    const onVisibility = () => {
      if (document.visibilityState === "hidden") {
        close();
        live = false;
        resyncOnLive = true;
        setStatus(product, "paused");
      } else if (!source) {
        setStatus(product, "connecting");
        connect();
      }
    };

    // Server pages have no query to poll: refresh them while the stream is down.
    const poll = setInterval(() => {
      if (!live && refreshPage && document.visibilityState === "visible") router.refresh();
    }, FALLBACK_POLL_MS);

    setStatus(product, "connecting");
    if (document.visibilityState === "hidden") onVisibility();
    else connect();
    document.addEventListener("visibilitychange", onVisibility);
    return () => {
      document.removeEventListener("visibilitychange", onVisibility);
      clearInterval(poll);
      clearTimeout(flushTimer);
      close();
      setStatus(product, undefined);
    };
  }, [product, refreshPage, queryClient, router]);

  return useLiveStatus(product);
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return null;
  }
}
