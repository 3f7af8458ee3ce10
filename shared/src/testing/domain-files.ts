import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

/**
 * The province's service lists (`../shared/domain/*.tsv` beside the repository), for tests that
 * check the project against them. Node only: not exported from the package index (the mini app
 * imports that), but from `@hccd/shared/testing/domain-files`.
 */
export const DOMAIN_DIR = fileURLToPath(new URL("../../../../shared/domain/", import.meta.url));

/** True when the lists are where every developer machine and CI have them. */
export function domainFilesPresent(): boolean {
  return existsSync(DOMAIN_DIR);
}

/** A TSV's data rows as records keyed by its header (empty cells are empty strings). */
export function readDomainTsv(file: string): Record<string, string>[] {
  const [header, ...lines] = readFileSync(`${DOMAIN_DIR}${file}`, "utf8")
    .split(/\r?\n/)
    .filter((l) => l.trim());
  const cols = header!.split("\t");
  return lines.map((l) => {
    const cells = l.split("\t");
    return Object.fromEntries(cols.map((c, i) => [c, (cells[i] ?? "").trim()]));
  });
}
