import { randomBytes } from "node:crypto";
import { hashPassword } from "better-auth/crypto";
import { SETUP_CODE_KEY } from "@/lib/auth/mutations";
import { setupCodesMatch } from "@/lib/auth/setup-code";
import { Prisma } from "@/generated/prisma/client";
import type { UserRole } from "@/lib/auth/schema";
import { getDb, type Tx } from "@/lib/db";
import { AppError } from "@/lib/errors";

export type NewUser = { name: string; email: string; role: UserRole; password?: string };
export type CreatedUser = { id: string; email: string; name: string; role: UserRole; generatedPassword: string | null };

/** A readable one-time password for admin-created accounts, shown once. */
export function generatePassword(): string {
  return randomBytes(18).toString("base64url");
}

async function insertPasswordUser(tx: Tx, input: NewUser & { password: string }, passwordHash: string) {
  const user = await tx.user.create({ data: { email: input.email, name: input.name, role: input.role, emailVerified: true } });
  // better-auth keeps the password on a "credential" account; the hash format is its own (scrypt).
  await tx.account.create({ data: { userId: user.id, providerId: "credential", accountId: user.id, password: passwordHash } });
  return user;
}

function duplicateEmail(error: unknown, email: string): never {
  if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
    throw new AppError("conflict", `A user with email ${email} already exists.`);
  }
  throw error;
}

/** Creates a person with a password (given, or generated and returned once). */
export async function createUser(input: NewUser): Promise<CreatedUser> {
  const password = input.password ?? generatePassword();
  const hash = await hashPassword(password);
  try {
    const user = await getDb().$transaction(async (tx) => {
      const created = await insertPasswordUser(tx, { ...input, password }, hash);
      // An admin made outside /setup (e.g. with the CLI) also completes the first-run setup.
      if (input.role === "admin") await tx.setupState.createMany({ data: [{ id: 1, adminId: created.id }], skipDuplicates: true });
      return created;
    });
    return { id: user.id, email: user.email, name: user.name, role: user.role, generatedPassword: input.password ? null : password };
  } catch (error) {
    duplicateEmail(error, input.email);
  }
}

/**
 * Creates the first admin, exactly once: concurrent attempts queue on an advisory lock and the
 * SetupState singleton's primary key refuses every one after the first.
 */
export async function setupFirstAdmin(
  input: { name: string; email: string; password: string; code?: string },
  options: { requireCode: boolean },
): Promise<CreatedUser> {
  const hash = await hashPassword(input.password);
  try {
    // Concurrent setups queue on the advisory lock: each waits its turn rather than timing out.
    const user = await getDb().$transaction(async (tx) => {
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('certboard-setup'))`;
      if (await tx.setupState.findUnique({ where: { id: 1 } })) throw setupDone();
      // From another machine, only whoever can read the server's output (or run the CLI) may set up.
      const expected = await tx.appSetting.findUnique({ where: { key: SETUP_CODE_KEY } });
      if (options.requireCode && !(input.code && expected && setupCodesMatch(input.code, expected.value))) {
        const message = input.code ? "This is not the setup code." : "Enter the setup code.";
        throw new AppError("forbidden", `${message} \`npm start\` printed it; \`certboard setup-code\` prints it again.`, [{ path: "code", message }]);
      }
      const created = await insertPasswordUser(tx, { name: input.name, email: input.email, password: input.password, role: "admin" }, hash);
      await tx.setupState.create({ data: { id: 1, adminId: created.id } });
      await tx.appSetting.deleteMany({ where: { key: SETUP_CODE_KEY } });
      return created;
    }, SETUP_QUEUE);
    return { id: user.id, email: user.email, name: user.name, role: user.role, generatedPassword: null };
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002" && String(error.meta?.target ?? "").includes("id")) throw setupDone();
    duplicateEmail(error, input.email);
  }
}

const SETUP_QUEUE = { maxWait: 15_000, timeout: 30_000 };

function setupDone(): AppError {
  return new AppError("forbidden", "Certboard is already set up: sign in, or ask an admin for an account.");
}

/**
 * Changes a person's role or deactivates them. Deactivation deletes their sessions and revokes
 * their tokens in the same transaction, so both stop working at once. The last active admin stays.
 */
export async function updateUser(input: { id: string; role?: UserRole; active?: boolean; byUserId: string }) {
  return getDb().$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('certboard-admins'))`;
    const user = await tx.user.findUnique({ where: { id: input.id } });
    if (!user) throw new AppError("not_found", "No such user.");
    const losesAdmin = user.role === "admin" && user.active && (input.active === false || (input.role !== undefined && input.role !== "admin"));
    if (losesAdmin) {
      const admins = await tx.user.count({ where: { role: "admin", active: true } });
      if (admins <= 1) throw new AppError("invalid", "This is the last active admin; make someone else admin first.");
    }
    const updated = await tx.user.update({
      where: { id: input.id },
      data: { ...(input.role !== undefined && { role: input.role }), ...(input.active !== undefined && { active: input.active }) },
    });
    if (input.active === false) {
      await tx.session.deleteMany({ where: { userId: input.id } });
      await tx.apiToken.updateMany({ where: { userId: input.id, revokedAt: null }, data: { revokedAt: new Date() } });
    }
    return { id: updated.id, email: updated.email, name: updated.name, role: updated.role, active: updated.active };
  });
}
