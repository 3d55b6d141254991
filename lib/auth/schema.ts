// Who made a change. Every mutation takes one, so every door can be guarded without touching the logic.
export type Actor =
  | { kind: "import"; name: "import" }
  | { kind: "system"; name: "system" }
  | { kind: "user"; name: string; userId?: string };

export const IMPORT_ACTOR: Actor = { kind: "import", name: "import" };
export const SYSTEM_ACTOR: Actor = { kind: "system", name: "system" };
// Until accounts exist (issue #3) writes from the web and the API are attributed to this user.
export const ANONYMOUS_ACTOR: Actor = { kind: "user", name: "anonymous" };
