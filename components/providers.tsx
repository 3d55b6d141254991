"use client";

import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { useState, type ReactNode } from "react";
import { Toaster } from "sonner";
import { ServerTheme, useTheme } from "@/lib/theme/client";
import type { Theme } from "@/lib/theme/schema";

export function Providers({ children, theme: initial }: { children: ReactNode; theme: Theme }) {
  // One client per browser session; created lazily so server renders never share it.
  const [client] = useState(
    () => new QueryClient({ defaultOptions: { queries: { staleTime: 30_000, retry: 1, refetchOnWindowFocus: true } } }),
  );
  return (
    <ServerTheme value={initial}>
      <QueryClientProvider client={client}>
        {children}
        <ThemedToaster />
      </QueryClientProvider>
    </ServerTheme>
  );
}

function ThemedToaster() {
  return <Toaster theme={useTheme()} richColors closeButton position="bottom-right" />;
}
