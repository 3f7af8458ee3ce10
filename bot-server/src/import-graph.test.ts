import { readdirSync, readFileSync, statSync, existsSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import ts from "typescript";
import { describe, expect, it } from "vitest";

/**
 * The shape of bot-server, checked on its import graph (every `import`, `import type` and
 * `import()` of the source, read by TypeScript's own pre-processor):
 * - only services call the data layer: `@hccd/db` (and drizzle or the SQLite driver) is imported
 *   by `services/` and the composition root (runtime, deps, config, the CLI, the seed, test helpers), never
 *   by routes, console pages, bot features, middleware or the webhook routes;
 * - routes, console pages, bot features and middleware reach Zalo, SMS and the case system
 *   through services, never an adapter;
 * - services depend on none of their callers (routes, console pages, bot features, middleware):
 *   the bot's runner gets the bot handed in, it does not reach for it;
 * - no import cycles, type imports included: a cycle is two modules that cannot be understood
 *   (or loaded, or moved) one without the other.
 */
const SRC = dirname(fileURLToPath(import.meta.url));

const DATA_LAYER = [/^@hccd\/db(\/|$)/, /^drizzle-orm(\/|$)/, /^better-sqlite3$/];
const DB_ALLOWED = [/^services\//, /^seed\//, /^testing\//, /^(runtime|deps|cli|config)\.ts$/, /\.test\.tsx?$/];
const CALLERS = [/^routes\//, /^console\//, /^bot\//, /^middleware\//];

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(name) ? [path] : [];
  });
}

/** A relative specifier (`./x.js`) as the source file it names, or null for a package. */
function resolveLocal(from: string, spec: string): string | null {
  if (!spec.startsWith(".")) return null;
  const abs = resolve(dirname(from), spec);
  for (const candidate of [abs.replace(/\.js$/, ".ts"), abs.replace(/\.js$/, ".tsx"), `${abs}.ts`, join(abs, "index.ts")]) {
    if (existsSync(candidate) && statSync(candidate).isFile()) return candidate;
  }
  throw new Error(`${relative(SRC, from)} imports ${spec}, which names no source file`);
}

interface ImportGraph {
  /** Each file (relative to src) and what it imports: local files (relative) and packages. */
  files: Map<string, { local: string[]; packages: string[] }>;
}

function importGraph(): ImportGraph {
  const files = new Map<string, { local: string[]; packages: string[] }>();
  for (const file of sourceFiles(SRC)) {
    const info = ts.preProcessFile(readFileSync(file, "utf8"), true, true);
    const local: string[] = [];
    const packages: string[] = [];
    for (const { fileName } of info.importedFiles) {
      const target = resolveLocal(file, fileName);
      if (target) local.push(relative(SRC, target));
      else packages.push(fileName);
    }
    files.set(relative(SRC, file), { local, packages });
  }
  return { files };
}

/** Every import cycle, each once, as the files around it (Tarjan's strongly connected components). */
export function importCycles(edges: ReadonlyMap<string, readonly string[]>): string[][] {
  let index = 0;
  const order = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const cycles: string[][] = [];
  const visit = (v: string): void => {
    order.set(v, index);
    low.set(v, index++);
    stack.push(v);
    onStack.add(v);
    for (const w of edges.get(v) ?? []) {
      if (!order.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, order.get(w)!));
    }
    if (low.get(v) === order.get(v)) {
      const component: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        component.push(w);
      } while (w !== v);
      if (component.length > 1 || (edges.get(v) ?? []).includes(v)) cycles.push(component.sort());
    }
  };
  for (const v of [...edges.keys()].sort()) if (!order.has(v)) visit(v);
  return cycles;
}

describe("the import graph of bot-server", () => {
  const graph = importGraph();

  it("reads the whole source", () => {
    expect(graph.files.size).toBeGreaterThan(150);
    expect(graph.files.get("app.ts")?.local).toContain("routes/me.ts");
  });

  it("lets only services (and the composition root) import @hccd/db", () => {
    const edges = [...graph.files]
      .filter(([file]) => !DB_ALLOWED.some((re) => re.test(file)))
      .flatMap(([file, { packages }]) => packages.filter((p) => DATA_LAYER.some((re) => re.test(p))).map((p) => `${file} → ${p}`));
    expect(edges).toEqual([]);
  });

  it("keeps routes, console pages, bot features and middleware away from the adapters", () => {
    const edges = [...graph.files]
      .filter(([file]) => CALLERS.some((re) => re.test(file)) && !/\.test\.tsx?$/.test(file))
      .flatMap(([file, { local }]) => local.filter((target) => target.startsWith("adapters/")).map((target) => `${file} → ${target}`));
    expect(edges).toEqual([]);
  });

  it("keeps services independent of their callers", () => {
    const edges = [...graph.files]
      .filter(([file]) => file.startsWith("services/") && !/\.test\.tsx?$/.test(file))
      .flatMap(([file, { local }]) => local.filter((target) => CALLERS.some((re) => re.test(target))).map((target) => `${file} → ${target}`));
    expect(edges).toEqual([]);
  });

  it("has no import cycles", () => {
    expect(importCycles(new Map([...graph.files].map(([file, { local }]) => [file, local])))).toEqual([]);
  });

  it("finds a cycle when there is one (the check can fail)", () => {
    const edges = new Map([
      ["a.ts", ["b.ts"]],
      ["b.ts", ["c.ts"]],
      ["c.ts", ["a.ts", "d.ts"]],
      ["d.ts", []],
      ["e.ts", ["e.ts"]],
    ]);
    expect(importCycles(edges)).toEqual([["a.ts", "b.ts", "c.ts"], ["e.ts"]]);
  });
});
