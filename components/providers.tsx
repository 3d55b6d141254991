"use client";

import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { useState, type ReactNode } from "react";
import { Toaster } from "sonner";
import { useTheme } from "@/lib/theme/client";

export function Providers({ children }: { children: ReactNode }) {
  // One client per browser session; created lazily so server renders never share it.
  const theme = useTheme();
  const [client] = useState(
    () => new QueryClient({ defaultOptions: { queries: { staleTime: 30_000, retry: 1, refetchOnWindowFocus: true } } }),
  );
  return (
    <QueryClientProvider client={client}>
      {children}
      <Toaster theme={theme} richColors closeButton position="bottom-right" />
    </QueryClientProvider>
  );
}
