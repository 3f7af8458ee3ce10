import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

/**
 * The province's service lists the catalogue is checked against, kept in the repository
 * (`shared/src/catalogue/lists/*.tsv`) so that a clone tests against the data it carries: Kế hoạch
 * 920's appendix (`services-plan-920.tsv`) and the June 2026 appendix with lead times
 * (`services-2026-06-leadtimes.tsv`). Each file opens with `#` lines naming the plan and the
 * appendix it comes from, then a header row. Node only: not exported from the package index (the
 * mini app imports that), but from `@hccd/shared/testing/domain-files`.
 */
export const DOMAIN_DIR = fileURLToPath(new URL("../catalogue/lists/", import.meta.url));

/** True when the lists are in the repository, where they belong. */
export function domainFilesPresent(): boolean {
  return existsSync(DOMAIN_DIR);
}

function lines(file: string): string[] {
  return readFileSync(`${DOMAIN_DIR}${file}`, "utf8")
    .split(/\r?\n/)
    .filter((l) => l.trim());
}

/** The `#` lines that open a list: which plan and which appendix it was copied from. */
export function domainTsvSource(file: string): string[] {
  const all = lines(file);
  const end = all.findIndex((l) => !l.startsWith("#"));
  return all.slice(0, end === -1 ? all.length : end).map((l) => l.replace(/^#\s*/, ""));
}

/** A TSV's data rows as records keyed by its header (empty cells are empty strings; `#` lines skipped). */
export function readDomainTsv(file: string): Record<string, string>[] {
  const [header, ...rows] = lines(file).filter((l) => !l.startsWith("#"));
  const cols = header!.split("\t");
  return rows.map((l) => {
    const cells = l.split("\t");
    return Object.fromEntries(cols.map((c, i) => [c, (cells[i] ?? "").trim()]));
  });
}
