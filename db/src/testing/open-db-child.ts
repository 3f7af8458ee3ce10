/**
 * A process that opens (and so migrates) a database when told to: `migrate.sqlite.test.ts` starts
 * two and tells both at once, as two instances starting together on a new database would.
 * Prints "ready" once loaded, waits for a line on stdin ("go", or "go <epoch ms>": then it spins
 * until that moment, so that processes told at different instants still open in the same
 * millisecond), opens the database, prints "opened".
 */
import { createDb } from "../create-db.js";

const target = process.argv[2];
if (!target) throw new Error("usage: open-db-child.ts <path-or-url>");
process.stdout.write("ready\n");
process.stdin.once("data", (line: Buffer) => {
  const at = Number(line.toString().trim().split(" ")[1] ?? 0);
  while (Date.now() < at); // a deliberate spin: a timer's delay is too coarse for this race
  createDb(target)
    .then(async (h) => {
      await h.close();
      process.stdout.write("opened\n");
      process.exit(0);
    })
    .catch((err: unknown) => {
      process.stderr.write(`${err instanceof Error ? `${err.message} ${String((err as { cause?: unknown }).cause ?? "")}` : String(err)}\n`);
      process.exit(1);
    });
});
