import { NextResponse } from "next/server";
import { can, PERMISSIONS } from "@/lib/auth/schema";
import { route } from "@/lib/http";

export const GET = route("read", async (_req, _ctx, principal) =>
  NextResponse.json({ principal, permissions: PERMISSIONS.filter((p) => can(principal, p)) }),
);
