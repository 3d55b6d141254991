import { z } from "zod";

// Who made a change. Every mutation takes one, so every door can be guarded without touching the logic.
export type Actor =
  | { kind: "import"; name: string; userId?: string }
  | { kind: "system"; name: string }
  | { kind: "user"; name: string; userId?: string }
  | { kind: "token"; name: string; tokenId: string; userId?: string };

export const IMPORT_ACTOR: Actor = { kind: "import", name: "import" };
export const SYSTEM_ACTOR: Actor = { kind: "system", name: "system" };

/** An import run through a door by someone: events read "import by Alice". */
export function importActorFor(principal: Principal): Actor {
  const by = actorOf(principal);
  return { kind: "import", name: `import by ${by.name}`, ...("userId" in by && by.userId && { userId: by.userId }) };
}

export const USER_ROLES = ["viewer", "engineer", "admin"] as const;
export const TOKEN_ROLES = ["uploader", "engineer"] as const;
export const userRoleSchema = z.enum(USER_ROLES);
export const tokenRoleSchema = z.enum(TOKEN_ROLES);
export type UserRole = z.infer<typeof userRoleSchema>;
export type TokenRole = z.infer<typeof tokenRoleSchema>;

export const PERMISSIONS = [
  "read",
  "edit_items",
  "comment",
  "import_backlog",
  "upload_results",
  "manage_own_tokens",
  "manage_users",
  "manage_all_tokens",
  "manage_settings",
] as const;
export type Permission = (typeof PERMISSIONS)[number];

const ENGINEER: Permission[] = ["read", "edit_items", "comment", "import_backlog", "upload_results", "manage_own_tokens"];

/** What each role may do. Product managers are viewers: they read, filter, export and comment (to ask questions). */
export const USER_GRANTS: Record<UserRole, readonly Permission[]> = {
  viewer: ["read", "comment"],
  engineer: ENGINEER,
  admin: PERMISSIONS,
};

/** Tokens act for pipelines: an uploader only uploads; an engineer token acts as an engineer but mints no tokens. */
export const TOKEN_GRANTS: Record<TokenRole, readonly Permission[]> = {
  uploader: ["upload_results"],
  engineer: ENGINEER.filter((p) => p !== "manage_own_tokens"),
};

export type Principal =
  | { kind: "user"; id: string; email: string; name: string; role: UserRole }
  | {
      kind: "token";
      id: string;
      name: string;
      prefix: string;
      role: TokenRole;
      userId: string | null;
      /** The owner's role now: a token never does more than the person it acts for (null: made with the CLI). */
      ownerRole: UserRole | null;
      /** The products the token is limited to (ids); null for an unscoped token. */
      productIds: string[] | null;
    };

/** A token's power is the lower of its own role and its owner's current role. */
export function can(principal: Principal | null, permission: Permission): boolean {
  if (!principal) return false;
  if (principal.kind === "user") return USER_GRANTS[principal.role].includes(permission);
  return TOKEN_GRANTS[principal.role].includes(permission) && (principal.ownerRole === null || USER_GRANTS[principal.ownerRole].includes(permission));
}

/** The user a principal is or acts for (a token's owner); null for an ownerless machine token. */
export function userIdOf(principal: Principal): string | null {
  return principal.kind === "user" ? principal.id : principal.userId;
}

/** The person behind a principal (a token counts as its owner; an ownerless token as itself), for per-person limits. */
export function personOf(principal: Principal): string {
  if (principal.kind === "user") return `user:${principal.id}`;
  return principal.userId ? `user:${principal.userId}` : `token:${principal.id}`;
}

export function actorOf(principal: Principal): Actor {
  return principal.kind === "user"
    ? { kind: "user", name: principal.name || principal.email, userId: principal.id }
    : { kind: "token", name: `token ${principal.name}`, tokenId: principal.id, ...(principal.userId && { userId: principal.userId }) };
}

export const ROLE_LABELS: Record<UserRole, string> = { viewer: "Viewer", engineer: "Engineer", admin: "Admin" };

export const passwordSchema = z.string().min(12, "Passwords need at least 12 characters").max(256);
export const emailSchema = z.string().trim().toLowerCase().email("Enter a valid email address").max(254);

export const setupSchema = z.object({
  name: z.string().trim().min(1, "Enter your name").max(100),
  email: emailSchema,
  password: passwordSchema,
  /** Required unless the browser runs on the server's own machine. */
  code: z.string().trim().max(64).optional(),
});

export const createUserSchema = z.object({
  name: z.string().trim().min(1).max(100),
  email: emailSchema,
  role: userRoleSchema,
  password: passwordSchema.optional(),
});

export const updateUserSchema = z
  .object({ role: userRoleSchema.optional(), active: z.boolean().optional() })
  .strict()
  .refine((v) => v.role !== undefined || v.active !== undefined, "Send role or active");

export const createTokenSchema = z.object({
  name: z.string().trim().min(1).max(100),
  role: tokenRoleSchema,
  expires: z.string().trim().default("90d"),
  /** Product slugs the token is limited to; none: every product its owner may see. */
  products: z.array(z.string().trim().min(1).max(100)).max(50).default([]),
});

// ---- Response schemas (the OpenAPI document; lib/openapi) ----------------------------------

export const principalSchema = z
  .discriminatedUnion("kind", [
    z.object({ kind: z.literal("user"), id: z.string(), email: z.string(), name: z.string(), role: userRoleSchema }),
    z.object({
      kind: z.literal("token"),
      id: z.string(),
      name: z.string(),
      prefix: z.string(),
      role: tokenRoleSchema,
      userId: z.string().nullable(),
      ownerRole: userRoleSchema.nullable(),
      productIds: z.array(z.string()).nullable(),
    }),
  ])
  .meta({ id: "Principal" });

export const meSchema = z.object({ principal: principalSchema, permissions: z.array(z.enum(PERMISSIONS)) });

export const userViewSchema = z
  .object({ id: z.string(), email: z.string(), name: z.string(), role: userRoleSchema, active: z.boolean(), createdAt: z.iso.datetime() })
  .meta({ id: "User" });

export const createdUserSchema = z.object({
  user: z.object({
    id: z.string(),
    email: z.string(),
    name: z.string(),
    role: userRoleSchema,
    generatedPassword: z.string().nullable().meta({ description: "The generated password when none was sent: shown this once." }),
  }),
});

export const updatedUserSchema = z.object({ user: userViewSchema.omit({ createdAt: true }) });

export const tokenViewSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    prefix: z.string(),
    role: tokenRoleSchema,
    owner: z.string().nullable(),
    products: z.array(z.string()).meta({ description: "Product slugs it is limited to; empty: every product its owner may see." }),
    createdBy: z.string(),
    createdAt: z.iso.datetime(),
    expiresAt: z.iso.datetime().nullable(),
    revokedAt: z.iso.datetime().nullable(),
    lastUsedAt: z.iso.datetime().nullable(),
    state: z.enum(["active", "expired", "revoked"]),
  })
  .meta({ id: "ApiToken" });

export const createdTokenSchema = z.object({
  token: z.object({
    id: z.string(),
    name: z.string(),
    prefix: z.string(),
    role: tokenRoleSchema,
    expiresAt: z.iso.datetime().nullable(),
    token: z.string().meta({ description: "The secret: shown this once, never again." }),
  }),
});

export const setupResultSchema = z.object({
  user: z.object({ id: z.string(), email: z.string(), name: z.string(), role: userRoleSchema }),
  signedIn: z.boolean().meta({ description: "false when the sign-in after setup was refused (e.g. rate limited): sign in next." }),
});
