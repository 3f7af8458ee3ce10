import { describe, expect, it } from "vitest";
import { createLogger } from "../../logger.js";
import { validationFailed } from "../../errors.js";
import { createBackgroundJobs } from "./background-jobs.js";
import { FileRefused, fileReasons } from "../imports/import-reasons.js";

// Finding 11 (issue 13): a refused upload (a bad header) was logged as an error with a stack
// trace, as if it were a bug. A file's refusal is the officer's to fix: logged at info, without a
// stack; only what nobody expected is an error.
describe("background jobs' failures in the log", () => {
  it("logs a refused file at info without a stack, and a bug as an error with one", async () => {
    const lines: Record<string, unknown>[] = [];
    const logger = createLogger({ level: "debug", destination: { write: (s: string) => void lines.push(JSON.parse(s) as Record<string, unknown>) } });
    const jobs = createBackgroundJobs(logger);
    jobs.run("import fake", async () => {
      throw new FileRefused(fileReasons.damaged());
    });
    jobs.run("import header", async () => {
      throw validationFailed([{ path: "phone", message: "required column missing" }], "The file's header row is not contract 4's");
    });
    jobs.run("import bug", async () => {
      throw new TypeError("Cannot read properties of undefined");
    });
    await jobs.idle();
    expect(lines.map((l) => [l.level, l.job, l.code ?? null, l.reason ?? null, JSON.stringify(l).includes("stack")])).toEqual([
      ["info", "import fake", "file_refused", fileReasons.damaged(), false],
      ["info", "import header", "validation_failed", "The file's header row is not contract 4's", false],
      ["error", "import bug", null, null, true],
    ]);
  });
});
