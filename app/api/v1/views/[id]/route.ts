import { route } from "@/lib/http";
import { deleteSavedView } from "@/lib/views/mutations";

/** Deletes a saved view: the caller's own, or any for an admin. */
export const DELETE = route<{ id: string }>("read", async (_req, { params }, principal) => {
  await deleteSavedView({ id: (await params).id, principal });
  return new Response(null, { status: 204 });
});
