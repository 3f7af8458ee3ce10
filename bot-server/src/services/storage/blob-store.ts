/**
 * Where citizens' papers (draft attachments) live: a small put/get/delete store by key, each file
 * with its SHA-256, checked when read back.
 *
 * - **The database** (`attachment_blobs`), the default: for SQLite (a small office) a single-file
 *   backup (`pnpm hccd backup`) then holds everything, and for the tests. On PostgreSQL it works
 *   too, and `pg_dump` takes the papers with the rest.
 * - **A directory every instance mounts** (`ATTACHMENTS_DIR`): an NFS export, CephFS, or an
 *   object-storage bucket mounted with a tool that renames atomically (rclone, s3fs; not AWS's
 *   Mountpoint, which cannot rename). For a province: papers (up to 5 MB each, a few per dossier)
 *   would otherwise make up most of the database's size, its backups and its replication traffic;
 *   files on a shared file system are backed up with the tools operators already run, and the
 *   database keeps only their key and hash.
 *
 * An S3 client was the other choice: the AWS SDK is large for three calls, and the small clients
 * are less kept; a mount gives the same bucket without a dependency, and the interface leaves room
 * for a client later.
 *
 * Keeping: the domain documents name no keeping period for these copies (the case system keeps the
 * dossier it fetched under its own archive rules). A paper is kept while its draft exists; a paper
 * replaced by a new upload is deleted at once.
 */
import { createHash, randomUUID } from "node:crypto";
import { mkdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { deleteAttachmentBlob, getAttachmentBlob, putAttachmentBlob, type Db } from "@hccd/db";
import type { ServiceDeps } from "../../deps.js";

export interface BlobStore {
  /** `database` or `directory`: what the store is, for logs and the start banner. */
  readonly kind: "database" | "directory";
  /** Stores `bytes` under `key` (replacing what was there); gives their SHA-256 (hex) and size. */
  put(key: string, bytes: Uint8Array): Promise<{ sha256: string; size: number }>;
  /** The bytes under `key`, or undefined. Throws BlobDamaged when they no longer match their hash. */
  get(key: string): Promise<Uint8Array | undefined>;
  /** Removes `key` (nothing when it is not there). */
  delete(key: string): Promise<void>;
}

/** Stored bytes that no longer match the hash recorded with them (a damaged disk, a file changed by hand). */
export class BlobDamaged extends Error {
  constructor(key: string) {
    super(`stored file ${key} does not match its SHA-256`);
  }
}

const sha256Of = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");

/** Keys are our ids: nothing that could leave the directory. */
function checkedKey(key: string): string {
  if (!/^[A-Za-z0-9_-]{1,128}$/.test(key)) throw new Error(`not a blob key: ${JSON.stringify(key)}`);
  return key;
}

/** The store in the database (`attachment_blobs`). */
export function createDatabaseBlobStore(deps: { db: Db; now: () => Date }): BlobStore {
  return {
    kind: "database",
    async put(key, bytes) {
      const sha256 = sha256Of(bytes);
      await putAttachmentBlob(deps.db, { key: checkedKey(key), content: Buffer.from(bytes), size: bytes.byteLength, sha256, createdAt: deps.now() });
      return { sha256, size: bytes.byteLength };
    },
    async get(key) {
      const row = await getAttachmentBlob(deps.db, checkedKey(key));
      if (!row) return undefined;
      if (sha256Of(row.content) !== row.sha256) throw new BlobDamaged(key);
      return new Uint8Array(row.content);
    },
    async delete(key) {
      await deleteAttachmentBlob(deps.db, checkedKey(key));
    },
  };
}

/**
 * The store in a directory every instance mounts: `<dir>/<first two characters>/<key>` (a
 * directory of millions of files is slow on most file systems), with `<key>.sha256` beside it.
 * A file is written under a temporary name and renamed into place, so a reader on another
 * instance sees the whole file or none.
 */
export function createDirectoryBlobStore(dir: string): BlobStore {
  const pathOf = (key: string) => join(dir, checkedKey(key).slice(0, 2), key);
  const readOrUndefined = (path: string) => {
    try {
      return readFileSync(path);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === "ENOENT") return undefined;
      throw err;
    }
  };
  return {
    kind: "directory",
    async put(key, bytes) {
      const path = pathOf(key);
      const sha256 = sha256Of(bytes);
      mkdirSync(join(path, ".."), { recursive: true, mode: 0o750 });
      const partial = `${path}.${randomUUID()}.partial`;
      try {
        writeFileSync(partial, bytes, { mode: 0o640, flush: true });
        writeFileSync(`${partial}.sha256`, sha256, { mode: 0o640, flush: true });
        // The hash first: a file is never in place without the hash it is checked against.
        renameSync(`${partial}.sha256`, `${path}.sha256`);
        renameSync(partial, path);
      } finally {
        rmSync(partial, { force: true });
        rmSync(`${partial}.sha256`, { force: true });
      }
      return { sha256, size: bytes.byteLength };
    },
    async get(key) {
      const path = pathOf(key);
      const bytes = readOrUndefined(path);
      if (!bytes) return undefined;
      if (readOrUndefined(`${path}.sha256`)?.toString("utf8") !== sha256Of(bytes)) throw new BlobDamaged(key);
      return new Uint8Array(bytes);
    },
    async delete(key) {
      const path = pathOf(key);
      rmSync(path, { force: true });
      rmSync(`${path}.sha256`, { force: true });
    },
  };
}

/**
 * Why papers cannot be kept in `dir`, or null when they can: it must be there already, be a
 * directory, and take a file (written, renamed and removed as `put` does). A missing directory is
 * never created: where a share should be mounted, a local folder would take papers the other
 * instances never see. Checked at start (refused, naming ATTACHMENTS_DIR) and by `/readyz`.
 */
export async function attachmentsDirProblem(dir: string): Promise<string | null> {
  const path = resolve(dir);
  try {
    if (!statSync(path).isDirectory()) return `${path} is a file, not a directory`;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === "ENOENT") return `${path} does not exist: mount the shared directory there, or create it`;
    return `${path} cannot be read (${(err as Error).message})`;
  }
  const probe = join(path, `.write-check-${randomUUID()}`);
  try {
    writeFileSync(`${probe}.partial`, "", { mode: 0o640 });
    renameSync(`${probe}.partial`, probe);
    return null;
  } catch (err) {
    return `${path} cannot be written to (${(err as Error).message})`;
  } finally {
    rmSync(`${probe}.partial`, { force: true });
    rmSync(probe, { force: true });
  }
}

/** Where this deployment keeps attachments: ATTACHMENTS_DIR when set, else the database. */
export function attachmentStore(deps: Pick<ServiceDeps, "db" | "now" | "config">): BlobStore {
  return deps.config.ATTACHMENTS_DIR ? createDirectoryBlobStore(deps.config.ATTACHMENTS_DIR) : createDatabaseBlobStore(deps);
}
