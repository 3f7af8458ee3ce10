#!/usr/bin/env node
// A throwaway PostgreSQL cluster for tests and CI, without Docker: Debian's `postgresql` package
// (`apt-get install postgresql`), `initdb` on a temporary directory, the server on a free port of
// 127.0.0.1 with durability turned off (nothing in it outlives the run).
//
//   node scripts/pg-cluster.mjs start [dir]   starts one (or reuses the one running in dir), prints its URL
//   node scripts/pg-cluster.mjs url [dir]     prints the URL of the one running in dir
//   node scripts/pg-cluster.mjs stop [dir]    stops it and removes dir
//
// dir defaults to $HCCD_PG_DIR or <tmp>/hccd-pg. initdb refuses to run as root: as root the
// cluster belongs to the `postgres` user (which the package creates). PG_BIN names another
// directory of server binaries (default: the newest /usr/lib/postgresql/<version>/bin).
import { execFileSync, spawnSync } from "node:child_process";
import { chownSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";

const [command, dirArg] = process.argv.slice(2);
const dir = resolve(dirArg ?? process.env.HCCD_PG_DIR ?? join(tmpdir(), "hccd-pg"));
const data = join(dir, "data");
const stateFile = join(dir, "cluster.json");
const asRoot = process.getuid?.() === 0;

function binDir() {
  if (process.env.PG_BIN) return process.env.PG_BIN;
  const root = "/usr/lib/postgresql";
  const versions = existsSync(root) ? readdirSync(root).filter((v) => /^\d+$/.test(v)).sort((a, b) => Number(b) - Number(a)) : [];
  if (versions.length === 0) fail("PostgreSQL's server binaries were not found: apt-get install -y postgresql (or set PG_BIN)");
  return join(root, versions[0], "bin");
}

function fail(message) {
  console.error(`pg-cluster: ${message}`);
  process.exit(1);
}

/** Runs a server binary as the cluster's owner: `postgres` when we are root, else ourselves. */
function run(bin, args, opts = {}) {
  const file = join(binDir(), bin);
  const [cmd, argv] = asRoot ? ["runuser", ["-u", "postgres", "--", file, ...args]] : [file, args];
  const r = spawnSync(cmd, argv, { encoding: "utf8", ...opts });
  if (r.status !== 0 && !opts.allowFailure) fail(`${bin} ${args.join(" ")} failed:\n${r.stdout ?? ""}${r.stderr ?? ""}`);
  return r;
}

function freePort() {
  return new Promise((ok, ko) => {
    const s = createServer();
    s.once("error", ko);
    s.listen(0, "127.0.0.1", () => {
      const { port } = s.address();
      s.close(() => ok(port));
    });
  });
}

function readState() {
  return existsSync(stateFile) ? JSON.parse(readFileSync(stateFile, "utf8")) : null;
}

function running() {
  return existsSync(data) && run("pg_ctl", ["status", "-D", data], { allowFailure: true }).status === 0;
}

async function start() {
  const state = readState();
  if (state && running()) return console.log(state.url);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(join(dir, "socket"), { recursive: true });
  if (asRoot) {
    const uid = Number(execFileSync("id", ["-u", "postgres"], { encoding: "utf8" }).trim());
    const gid = Number(execFileSync("id", ["-g", "postgres"], { encoding: "utf8" }).trim());
    chownSync(dir, uid, gid);
    chownSync(join(dir, "socket"), uid, gid);
  }
  run("initdb", ["-D", data, "-U", "postgres", "--auth=trust", "--encoding=UTF8", "--locale=C.UTF-8", "--no-sync"]);
  const port = await freePort();
  // Test settings: no fsync and no full pages (a crash loses the cluster, which is thrown away
  // anyway), enough connections for parallel test files each with a pool.
  const options = [`-p ${port}`, "-c listen_addresses=127.0.0.1", `-k ${join(dir, "socket")}`, "-c fsync=off", "-c synchronous_commit=off", "-c full_page_writes=off", "-c max_connections=300"].join(" ");
  run("pg_ctl", ["start", "-w", "-D", data, "-l", join(dir, "server.log"), "-o", options]);
  const url = `postgres://postgres@127.0.0.1:${port}/postgres`;
  writeFileSync(stateFile, JSON.stringify({ url, port }));
  console.log(url);
}

function stop() {
  if (running()) run("pg_ctl", ["stop", "-w", "-m", "fast", "-D", data]);
  rmSync(dir, { recursive: true, force: true });
}

switch (command) {
  case "start":
    await start();
    break;
  case "url": {
    const state = readState();
    if (!state || !running()) fail(`no cluster is running in ${dir}`);
    console.log(state.url);
    break;
  }
  case "stop":
    stop();
    break;
  default:
    fail("usage: pg-cluster.mjs start|url|stop [dir]");
}
