/**
 * Hostile inputs for the API fuzz test (api-fuzz.test.ts): a seeded PRNG, so every run sends the
 * same requests, values chosen to break parsers and lookups, and values generated from the
 * OpenAPI document's JSON Schemas, then broken in one place.
 */

/** mulberry32: small, fast and good enough to pick test cases; the same seed gives the same run. */
export function createRandom(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (n: number) => Math.floor(next() * n),
    pick: <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)]!,
    chance: (p: number) => next() < p,
  };
}
export type Random = ReturnType<typeof createRandom>;

/** Names that break a lookup in a plain object (`dict[key]` finds Object.prototype's members). */
export const PROTOTYPE_NAMES = ["constructor", "__proto__", "toString", "hasOwnProperty", "valueOf", "prototype", "__defineGetter__", "isPrototypeOf"] as const;

/** Strings a parser, a lookup, a date or a database has to survive. */
export const HOSTILE_STRINGS: readonly string[] = [
  "",
  " ",
  ...PROTOTYPE_NAMES,
  "9999-12-31",
  "0000-00-00",
  "2026-02-30",
  "1900-01-01",
  "2026-13-01",
  "-0001-01-01",
  "275760-09-13",
  "2026-01-15T25:61:00Z",
  "-1",
  "0",
  "1e309",
  "NaN",
  "Infinity",
  "null",
  "undefined",
  "true",
  "Ðặng",
  "Nguyễn Thị Lan",
  "Nguye\u0302\u0303n", // decomposed (NFD) diacritics
  "\u0000",
  "a\u0000b",
  "\ud800",
  "😀".repeat(50),
  "\u202e\u0644\u0627",
  "０９１２３４５６７８",
  "١٢٣٤",
  "a".repeat(5_000),
  "<script>alert(1)</script>",
  "' OR 1=1 --",
  "../../../../etc/passwd",
  "%",
  "%E0%A4%A",
  "\r\nX-Injected: 1",
  "${jndi:ldap://x}",
  "{{7*7}}",
  "84912345678",
  "072195001234",
  "1".repeat(40),
];

/** JSON values of every type, for a field that expects one. */
export const HOSTILE_VALUES: readonly unknown[] = [
  null,
  true,
  false,
  0,
  -1,
  1.5,
  2 ** 53 + 1,
  -1e308,
  1e308,
  [],
  [null],
  {},
  { __proto__: { polluted: 1 } },
  JSON.parse('{"__proto__":{"polluted":1},"constructor":{"prototype":{"polluted":1}}}'),
  ["constructor", "__proto__"],
  Array.from({ length: 2_000 }, (_, i) => i),
];

/** A JSON text nested `depth` levels deep (a parser that recurses may overflow its stack). */
export const deeplyNested = (depth: number) => `${'{"a":['.repeat(depth)}1${"]}".repeat(depth)}`;

/** Whole bodies that are not what any route expects. */
export const HOSTILE_RAW_BODIES: readonly string[] = [
  "",
  "null",
  "true",
  "1",
  '"x"',
  "[]",
  "{",
  "{}",
  '{"a":1,"a":2}',
  '{"__proto__":{"polluted":1}}',
  '{"constructor":{"prototype":{"polluted":1}}}',
  deeplyNested(10_000),
  `[${"[".repeat(10_000)}${"]".repeat(10_000)}]`,
  "\ufeff{}",
  "\u0000",
];

/** Something else where a value is expected: another type, a hostile string, a prototype name. */
export function hostileValue(r: Random): unknown {
  return r.chance(0.6) ? r.pick(HOSTILE_STRINGS) : r.pick(HOSTILE_VALUES);
}

/** The subset of JSON Schema (OpenAPI 3.1, as zod-openapi writes it) the generator reads. */
export interface JsonSchema {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean | JsonSchema;
  items?: JsonSchema;
  enum?: unknown[];
  const?: unknown;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  format?: string;
  pattern?: string;
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  minItems?: number;
  default?: unknown;
  example?: unknown;
  $ref?: string;
}

/**
 * A value that roughly fits the schema (enums, formats, bounds): the route's validation mostly
 * passes, so the broken value placed in it reaches the code behind the validation.
 */
export function sampleFromSchema(schema: JsonSchema | undefined, r: Random, depth = 0): unknown {
  if (!schema || depth > 6) return null;
  if (schema.const !== undefined) return schema.const;
  if (schema.enum?.length) return r.pick(schema.enum);
  if (schema.example !== undefined) return schema.example;
  const variants = schema.anyOf ?? schema.oneOf;
  if (variants?.length) return sampleFromSchema(r.pick(variants), r, depth + 1);
  if (schema.allOf?.length) return Object.assign({}, ...schema.allOf.map((s) => sampleFromSchema(s, r, depth + 1) as object));
  const type = Array.isArray(schema.type) ? r.pick(schema.type.filter((t) => t !== "null").length ? schema.type.filter((t) => t !== "null") : schema.type) : schema.type;
  switch (type ?? (schema.properties ? "object" : "string")) {
    case "object": {
      const out: Record<string, unknown> = {};
      for (const [k, s] of Object.entries(schema.properties ?? {})) {
        if (schema.required?.includes(k) || r.chance(0.5)) out[k] = sampleFromSchema(s, r, depth + 1);
      }
      return out;
    }
    case "array":
      return Array.from({ length: Math.max(schema.minItems ?? 0, r.int(3)) }, () => sampleFromSchema(schema.items, r, depth + 1));
    case "integer":
    case "number": {
      const min = schema.minimum ?? 0;
      const max = schema.maximum ?? min + 100;
      return type === "integer" ? Math.round(min + r.next() * (max - min)) : min + r.next() * (max - min);
    }
    case "boolean":
      return r.chance(0.5);
    case "null":
      return null;
    default:
      return sampleString(schema, r);
  }
}

function sampleString(schema: JsonSchema, r: Random): string {
  switch (schema.format) {
    case "date":
      return r.pick(["2026-01-15", "2020-02-29", "1990-06-01"]);
    case "date-time":
      return r.pick(["2026-11-24T10:00:00+07:00", "2026-11-24T03:00:00.000Z"]);
    case "uri":
    case "url":
      return "https://example.gov.vn/a";
    case "email":
      return "a@example.vn";
    default:
  }
  if (schema.pattern?.includes("\\d{4}-\\d{2}-\\d{2}")) return "2026-01-15";
  const length = Math.max(schema.minLength ?? 1, Math.min(schema.maxLength ?? 12, 12));
  return "abcdefghijklmnopqrstuvwxyz".repeat(4).slice(0, length);
}

/**
 * Breaks a generated value in one place: a field replaced by a hostile value, dropped, or joined
 * by a prototype-named key; or the whole value replaced.
 */
export function mutate(value: unknown, r: Random): unknown {
  if (r.chance(0.15) || value === null || typeof value !== "object") return hostileValue(r);
  const copy = JSON.parse(JSON.stringify(value)) as Record<string, unknown> | unknown[];
  let node: Record<string, unknown> | unknown[] = copy;
  // Walk down a random branch, then break one slot there.
  for (let i = 0; i < 4; i++) {
    const keys = Object.keys(node);
    if (keys.length === 0 || r.chance(0.4)) break;
    const k = r.pick(keys);
    const child = (node as Record<string, unknown>)[k];
    if (child === null || typeof child !== "object") break;
    node = child as Record<string, unknown> | unknown[];
  }
  const keys = Object.keys(node);
  const roll = r.next();
  if (roll < 0.55 && keys.length > 0) (node as Record<string, unknown>)[r.pick(keys)] = hostileValue(r);
  else if (roll < 0.75 && keys.length > 0 && !Array.isArray(node)) delete node[r.pick(keys)];
  else if (!Array.isArray(node)) Object.defineProperty(node, r.pick(PROTOTYPE_NAMES), { value: hostileValue(r), enumerable: true, writable: true, configurable: true });
  else node.push(hostileValue(r));
  return copy;
}
