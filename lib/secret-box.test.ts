import { execFile } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { openSecret, resetSecretKeyForTests, sealSecret } from "./secret-box";

const KEY_A = "a".repeat(32) + "-first-key";
const KEY_B = "b".repeat(32) + "-second-key";
const saved = { key: process.env.CERTBOARD_SECRET_KEY, dir: process.env.CERTBOARD_DATA_DIR };

function useKey(key: string | undefined, dataDir?: string) {
  if (key === undefined) delete process.env.CERTBOARD_SECRET_KEY;
  else process.env.CERTBOARD_SECRET_KEY = key;
  if (dataDir) process.env.CERTBOARD_DATA_DIR = dataDir;
  resetSecretKeyForTests();
}

beforeEach(() => useKey(KEY_A));
afterEach(() => {
  for (const [name, value] of [["CERTBOARD_SECRET_KEY", saved.key], ["CERTBOARD_DATA_DIR", saved.dir]] as const) {
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  }
  resetSecretKeyForTests();
});

describe("sealSecret / openSecret", () => {
  it("round-trips, including non-ASCII and empty text", () => {
    for (const plain of ["pyxis-api-key-0123456789", "clé ✓ 鍵", ""]) {
      const sealed = sealSecret(plain);
      expect(sealed).toMatch(/^v1:[A-Za-z0-9_-]+$/);
      expect(sealed).not.toContain(plain || "\u0000");
      expect(openSecret(sealed)).toBe(plain);
    }
  });

  it("uses a fresh iv for each seal", () => {
    const first = sealSecret("same secret");
    const second = sealSecret("same secret");
    expect(first).not.toBe(second);
    const iv = (sealed: string) => Buffer.from(sealed.slice(3), "base64url").subarray(0, 12).toString("hex");
    expect(iv(first)).not.toBe(iv(second));
  });

  it("refuses altered text without revealing the secret", () => {
    const sealed = sealSecret("top-secret-value");
    const bytes = Buffer.from(sealed.slice(3), "base64url");
    bytes[bytes.length - 1]! ^= 0x01;
    const tampered = `v1:${bytes.toString("base64url")}`;
    expect(() => openSecret(tampered)).toThrow(/cannot be opened with this server's key: was CERTBOARD_SECRET_KEY changed\?/);
    expect(() => openSecret(sealed.slice(0, 20))).toThrow(/cannot be opened/);
    expect(() => openSecret("plain-text")).toThrow(/not a sealed Certboard secret/);
    expect(() => openSecret("v1:not base64!")).toThrow(/not a sealed Certboard secret/);
  });

  it("refuses a secret sealed with another key", () => {
    const sealed = sealSecret("top-secret-value");
    useKey(KEY_B);
    let message = "";
    try {
      openSecret(sealed);
    } catch (error) {
      message = String(error);
    }
    expect(message).toContain("The stored secret cannot be opened with this server's key: was CERTBOARD_SECRET_KEY changed?");
    expect(message).not.toContain("top-secret-value");
    useKey(KEY_A);
    expect(openSecret(sealed)).toBe("top-secret-value");
  });

  it("refuses a CERTBOARD_SECRET_KEY shorter than 32 characters, naming the variable", () => {
    useKey("x".repeat(31));
    expect(() => sealSecret("anything")).toThrow(/CERTBOARD_SECRET_KEY is too short \(31 characters\)/);
  });
});

describe("generated key", () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "certboard-secret-"));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it("is written once, mode 0600, in CERTBOARD_DATA_DIR (created if missing), and reused", () => {
    const dataDir = path.join(dir, "nested", "data");
    useKey(undefined, dataDir);
    const sealed = sealSecret("generated-key-secret");
    const file = path.join(dataDir, "secret.key");
    const content = fs.readFileSync(file, "utf8");
    expect(content).toMatch(/^[A-Za-z0-9_-]{43}\n$/);
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);

    // A new process (cache cleared) reads the same file and does not rewrite it.
    useKey(undefined, dataDir);
    expect(openSecret(sealed)).toBe("generated-key-secret");
    expect(fs.readFileSync(file, "utf8")).toBe(content);

    // A different data folder means a different key.
    useKey(undefined, path.join(dir, "other"));
    expect(() => openSecret(sealed)).toThrow(/cannot be opened/);
  });

  it("is shared by processes that start together: each one's secrets open with the file's key", async () => {
    // Separate processes, not calls: the cache would hide a race inside one process.
    const seal = () =>
      promisify(execFile)(
        process.execPath,
        ["--conditions", "react-server", "--import", "tsx", "-e", 'import("./lib/secret-box.ts").then((m) => console.log(m.sealSecret("race")))'],
        { env: { ...process.env, CERTBOARD_SECRET_KEY: "", CERTBOARD_DATA_DIR: dir } },
      );
    const outputs = await Promise.all([seal(), seal(), seal(), seal()]);
    useKey(undefined, dir);
    for (const { stdout } of outputs) expect(openSecret(stdout.trim())).toBe("race");
    expect(fs.readdirSync(dir)).toEqual(["secret.key"]);
  });

  it("refuses a key file that holds something else", () => {
    fs.writeFileSync(path.join(dir, "secret.key"), "short\n", { mode: 0o600 });
    useKey(undefined, dir);
    expect(() => sealSecret("x")).toThrow(/secret\.key does not hold a Certboard secret key/);
  });
});
