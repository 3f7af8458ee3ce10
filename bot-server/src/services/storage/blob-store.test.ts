import { afterEach, describe, expect, it } from "vitest";
import { createHash } from "node:crypto";
import { chmodSync, existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { sql } from "drizzle-orm";
import { executeStatement, type DraftAttachment } from "@hccd/db";
import { testDbs } from "@hccd/db/testing";
import { ConfigError, parseConfig } from "../../config.js";
import { createTestWorld } from "../../testing/world.js";
import { attachmentBytes } from "../drafts/draft-attachments.js";
import { attachmentsDirProblem, attachmentStore, BlobDamaged, createDatabaseBlobStore, createDirectoryBlobStore, type BlobStore } from "./blob-store.js";

const open = testDbs(afterEach);
const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});
const now = () => new Date("2026-11-24T03:00:00Z");
const tempDir = () => {
  const d = mkdtempSync(join(tmpdir(), "hccd-blobs-"));
  dirs.push(d);
  return d;
};
const PDF = new TextEncoder().encode("%PDF-1.4\nGiấy khám sức khỏe\n%%EOF\n");
const sha = (b: Uint8Array) => createHash("sha256").update(b).digest("hex");

/** Each store, and how a test damages what it holds. */
const stores: [string, () => Promise<{ store: BlobStore; damage: (key: string) => Promise<void> }>][] = [
  ["database", async () => {
    const { db } = await open();
    return { store: createDatabaseBlobStore({ db, now }), damage: async (key) => void (await executeStatement(db, sql`update attachment_blobs set content = ${Buffer.from("tampered")} where key = ${key}`)) };
  }],
  ["directory", async () => {
    const dir = tempDir();
    return { store: createDirectoryBlobStore(dir), damage: async (key) => writeFileSync(join(dir, key.slice(0, 2), key), "tampered") };
  }],
];

describe.each(stores)("the %s blob store", (_name, make) => {
  it("puts, gets and deletes by key, giving the bytes' SHA-256", async () => {
    const { store } = await make();
    expect(await store.put("att-1", PDF)).toEqual({ sha256: sha(PDF), size: PDF.length });
    expect(await store.get("att-1")).toEqual(PDF);
    expect(await store.get("att-2")).toBeUndefined();
    await store.delete("att-1");
    expect(await store.get("att-1")).toBeUndefined();
    // Deleting what is not there is nothing.
    await store.delete("att-1");
  });

  it("never hands out bytes that no longer match their hash", async () => {
    const { store, damage } = await make();
    await store.put("att-1", PDF);
    await damage("att-1");
    await expect(store.get("att-1")).rejects.toBeInstanceOf(BlobDamaged);
  });

  it("refuses a key that could name another place", async () => {
    const { store } = await make();
    await expect(store.put("../etc/passwd", PDF)).rejects.toThrow(/not a blob key/);
    await expect(store.get("a/b")).rejects.toThrow(/not a blob key/);
  });
});

describe("where a deployment keeps attachments", () => {
  it("is ATTACHMENTS_DIR when set, else the database", async () => {
    const { db } = await open();
    const config = (env: Record<string, string>) => parseConfig({ ZALO_MODE: "sim", MINI_APP_URL: "http://localhost:5173", ...env });
    expect(attachmentStore({ db, now, config: config({}) }).kind).toBe("database");
    expect(attachmentStore({ db, now, config: config({ ATTACHMENTS_DIR: tempDir() }) }).kind).toBe("directory");
  });

  it("still serves a paper stored in its row before the store existed, and checks its hash", async () => {
    const { db } = await open();
    const config = parseConfig({ ZALO_MODE: "sim", MINI_APP_URL: "http://localhost:5173" });
    const legacy = { id: "att-old", draftId: "d", key: "health-certificate", fileName: "a.pdf", mediaType: "application/pdf", size: PDF.length, sha256: sha(PDF), content: Buffer.from(PDF), blobKey: null, zaloUserId: "u", uploadedAt: now() } satisfies DraftAttachment;
    expect(await attachmentBytes({ db, now, config }, legacy)).toEqual(PDF);
    await expect(attachmentBytes({ db, now, config }, { ...legacy, sha256: sha(new Uint8Array([1])) })).rejects.toBeInstanceOf(BlobDamaged);
  });
});

/**
 * A directory this process cannot write to. Root writes anywhere its permissions say no, so for
 * root it is one the kernel refuses (`/sys` is read-only to everyone); otherwise one of ours, mode 0500.
 */
function unwritableDir(): string {
  if (process.getuid?.() === 0) return "/sys/kernel";
  const d = tempDir();
  chmodSync(d, 0o500);
  return d;
}

describe("ATTACHMENTS_DIR that cannot hold papers", () => {
  const cases: [string, () => string, RegExp][] = [
    ["does not exist (a share not mounted)", () => join(tempDir(), "not-mounted"), /^\/.*not-mounted does not exist: mount the shared directory there, or create it$/],
    ["is a file", () => {
      const file = join(tempDir(), "papers.txt");
      writeFileSync(file, "");
      return file;
    }, /^\/.*papers\.txt is a file, not a directory$/],
    ["cannot be written", unwritableDir, /^\/.* cannot be written to \(E[A-Z]+/],
  ];

  it.each(cases)("is refused at start when it %s, naming it and why, before anything runs", async (_name, make, reason) => {
    const dir = make();
    expect(await attachmentsDirProblem(dir)).toMatch(reason);
    const started = createTestWorld({ env: { ATTACHMENTS_DIR: dir } });
    await expect(started).rejects.toBeInstanceOf(ConfigError);
    const problems = await started.catch((e: unknown) => (e as ConfigError).problems);
    expect(problems).toEqual([{ variable: "ATTACHMENTS_DIR", message: expect.stringMatching(reason) }]);
  });

  it("is created by nobody: a missing share is not replaced by a local folder", async () => {
    const dir = join(tempDir(), "not-mounted");
    await createTestWorld({ env: { ATTACHMENTS_DIR: dir } }).catch(() => undefined);
    expect(existsSync(dir)).toBe(false);
  });

  it("a writable directory is accepted and the check leaves nothing in it", async () => {
    const dir = tempDir();
    expect(await attachmentsDirProblem(dir)).toBeNull();
    const w = await createTestWorld({ env: { ATTACHMENTS_DIR: dir } });
    try {
      expect((await w.call("GET", "/readyz")).status).toBe(200);
    } finally {
      await w.close();
    }
    expect(readdirSync(dir)).toEqual([]);
  });
});
