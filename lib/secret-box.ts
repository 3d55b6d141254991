import "server-only";
import { createCipheriv, createDecipheriv, createHash, randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";

// Seals small secrets (API keys) before they are stored, with AES-256-GCM. The key never lives in
// the database: a backup of the database alone does not reveal the secrets.

const PREFIX = "v1:";
const IV_BYTES = 12;
const TAG_BYTES = 16;
const KEY_FILE = "secret.key";
export const SECRET_KEY_MIN_LENGTH = 32;

const CANNOT_OPEN = "The stored secret cannot be opened with this server's key: was CERTBOARD_SECRET_KEY changed?";

let cachedKey: Buffer | undefined;

/** `v1:` + base64url(iv | tag | ciphertext); a fresh iv each time, so equal secrets seal differently. */
export function sealSecret(plain: string): string {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv("aes-256-gcm", secretKey(), iv);
  const ciphertext = Buffer.concat([cipher.update(plain, "utf8"), cipher.final()]);
  return PREFIX + Buffer.concat([iv, cipher.getAuthTag(), ciphertext]).toString("base64url");
}

/** The plain secret; throws when the text was not sealed with this server's key or was altered. */
export function openSecret(sealed: string): string {
  const body = sealed.startsWith(PREFIX) ? sealed.slice(PREFIX.length) : null;
  if (body === null || !/^[A-Za-z0-9_-]+$/.test(body)) {
    throw new Error('The stored secret is not a sealed Certboard secret (expected "v1:" and base64url text).');
  }
  const bytes = Buffer.from(body, "base64url");
  if (bytes.length < IV_BYTES + TAG_BYTES) throw new Error(CANNOT_OPEN);
  const decipher = createDecipheriv("aes-256-gcm", secretKey(), bytes.subarray(0, IV_BYTES));
  decipher.setAuthTag(bytes.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
  try {
    return Buffer.concat([decipher.update(bytes.subarray(IV_BYTES + TAG_BYTES)), decipher.final()]).toString("utf8");
  } catch {
    // GCM cannot tell a wrong key from altered text; both mean the same thing to an admin.
    throw new Error(CANNOT_OPEN);
  }
}

/** Tests switch CERTBOARD_SECRET_KEY or the data folder between cases; the server reads the key once. */
export function resetSecretKeyForTests(): void {
  cachedKey = undefined;
}

function secretKey(): Buffer {
  cachedKey ??= loadKey(process.env);
  return cachedKey;
}

function loadKey(env: NodeJS.ProcessEnv): Buffer {
  const configured = env.CERTBOARD_SECRET_KEY;
  if (configured) {
    if (configured.length < SECRET_KEY_MIN_LENGTH) {
      throw new Error(
        `CERTBOARD_SECRET_KEY is too short (${configured.length} characters); use at least ${SECRET_KEY_MIN_LENGTH}, ` +
          "for example the output of `openssl rand -base64 32`.",
      );
    }
    return createHash("sha256").update(configured, "utf8").digest();
  }
  return storedKey(path.join(dataDir(env), KEY_FILE));
}

/** Same rule as scripts/embedded-db.mjs (not imported: it pulls in pg, and Next bundles move import.meta.url). */
function dataDir(env: NodeJS.ProcessEnv): string {
  return path.resolve(/* turbopackIgnore: true */ env.CERTBOARD_DATA_DIR || path.join(/* turbopackIgnore: true */ process.cwd(), ".certboard"));
}

/**
 * The generated key, created once. "wx" makes creation exclusive: of two processes starting together
 * one writes the file and the other reads it, so both seal with the same key.
 */
function storedKey(file: string): Buffer {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const fresh = randomBytes(32).toString("base64url");
  try {
    fs.writeFileSync(file, `${fresh}\n`, { mode: 0o600, flag: "wx" });
    return Buffer.from(fresh, "base64url");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
  }
  return readKeyFile(file);
}

function readKeyFile(file: string): Buffer {
  // The other process may have created the file but not yet written it (one write): wait up to a second.
  for (let attempt = 0; ; attempt++) {
    const text = fs.readFileSync(file, "utf8").trim();
    if (/^[A-Za-z0-9_-]{43}$/.test(text)) return Buffer.from(text, "base64url");
    if (text !== "" || attempt >= 100) {
      throw new Error(
        `${file} does not hold a Certboard secret key: restore it from a backup, or delete it and enter ` +
          "the stored API keys again.",
      );
    }
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 10);
  }
}
