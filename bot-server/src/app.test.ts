import { readFileSync } from "node:fs";
import { afterEach, describe, expect, it } from "vitest";
import { Writable } from "node:stream";
import { createTestWorld, makeBirthCertificate, readJson, type TestWorld } from "./testing/world.js";
import { createLogger } from "./logger.js";
import { configSchema, ConfigError, databaseLabel, databaseTarget, parseConfig } from "./config.js";

let world: TestWorld;
afterEach(async () => {
  await world?.close();
});

describe("operational endpoints", () => {
  it("GET /healthz, request ids and the error envelope for unknown routes", async () => {
    world = await createTestWorld();
    const res = await world.call("GET", "/healthz");
    expect(res.status).toBe(200);
    expect(await readJson(res)).toEqual({ status: "ok", mode: "sim" });
    expect(res.headers.get("x-request-id")).toMatch(/.+/);
    const missing = await world.call("GET", "/nope");
    expect(missing.status).toBe(404);
    expect(await readJson(missing)).toEqual({ error: { code: "not_found", message: "no route for GET /nope" } });
  });

  it("GET /metrics speaks Prometheus and counts requests and the outbox", async () => {
    world = await createTestWorld();
    await world.postCertificate(makeBirthCertificate());
    const text = await (await world.call("GET", "/metrics")).text();
    expect(text).toContain('hccd_http_requests_total{method="POST",route="/api/integrations/birth-certificates",status="201"} 1');
    expect(text).toContain('hccd_outbox_messages{kind="notification",status="pending"} 1');
  });

  it("GET /openapi.json documents every stable path from the zod schemas", async () => {
    world = await createTestWorld();
    const doc = await readJson(await world.call("GET", "/openapi.json"));
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(["/api/integrations/birth-certificates", "/api/integrations/case-status", "/api/me", "/api/me/phone", "/api/me/drafts/{id}", "/api/me/drafts/{id}/consent", "/webhooks/zalo", "/webhooks/sms"]));
    const body = doc.paths["/api/integrations/birth-certificates"].post.requestBody.content["application/json"].schema;
    expect(body.required).toEqual(expect.arrayContaining(["certificateNo", "issuedAt", "facility", "child", "mother"]));
    expect(Object.keys(doc.paths["/api/integrations/birth-certificates"].post.responses).sort()).toEqual(["200", "201", "401", "403", "409", "422"]);
  });
});

describe("logs", () => {
  it("mask ID numbers and phones wherever they appear", () => {
    const lines: string[] = [];
    const destination = new Writable({ write(chunk, _enc, cb) { lines.push(String(chunk)); cb(); } });
    const log = createLogger({ destination });
    log.info({ mother: { nationalId: "072195001234", phone: "84912345678" }, note: "call 0912 345 678" }, "certificate for 072195001234");
    const out = lines.join("");
    expect(out).not.toMatch(/072195001234|84912345678|0912 345 678/);
    expect(out).toContain("*********234");
    expect(JSON.parse(lines[0]!)).toMatchObject({ level: "info", msg: "certificate for *********234", mother: { phone: "*******678" } });
  });
});

describe("configuration", () => {
  it("names every bad variable", () => {
    try {
      parseConfig({ PORT: "eighty", SEED: "lots", ZALO_MODE: "live", INTEGRATION_API_KEYS: "short:x", QUIET_HOURS: "25-7", CASE_SYSTEM_URL: "not a url" });
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(ConfigError);
      const vars = (e as ConfigError).problems.map((p) => p.variable);
      expect(vars).toEqual(expect.arrayContaining(["PORT", "SEED", "INTEGRATION_API_KEYS", "QUIET_HOURS", "CASE_SYSTEM_URL"]));
    }
  });

  it("names each of issue 14's settings when wrong, with what it takes and the value it got", () => {
    const problems = (env: Record<string, string>) => {
      try {
        parseConfig(env);
      } catch (e) {
        expect(e).toBeInstanceOf(ConfigError);
        return (e as ConfigError).problems;
      }
      throw new Error(`accepted ${JSON.stringify(env)}`);
    };
    expect(problems({ WEBHOOK_PROCESSING: "worker" })).toEqual([{ variable: "WEBHOOK_PROCESSING", message: 'must be one of inline, workers (got "worker")' }]);
    expect(problems({ LEADER_LEASE_MS: "30s" })).toEqual([{ variable: "LEADER_LEASE_MS", message: 'must be a whole number of milliseconds from 3000 to 2147483647 (got "30s")' }]);
    expect(problems({ FAQ_POLL_MS: "-1" })).toEqual([{ variable: "FAQ_POLL_MS", message: 'must be a whole number of milliseconds from 0 to 2147483647 (got "-1")' }]);
    expect(problems({ ZNS_DAILY_QUOTA: "lots" })).toEqual([{ variable: "ZNS_DAILY_QUOTA", message: 'must be a whole number of messages from 0 to 100000000 (got "lots")' }]);
    expect(problems({ OUTBOX_LEASE_MS: "0x10" })).toEqual([{ variable: "OUTBOX_LEASE_MS", message: 'must be a whole number of milliseconds from 1000 to 2147483647 (got "0x10")' }]);
    expect(problems({ THROTTLE_ZNS_PER_SEC: "ten" })).toEqual([{ variable: "THROTTLE_ZNS_PER_SEC", message: 'must be a number of messages per second from 0 to 100000 (got "ten")' }]);
    // Every problem at once, each named.
    expect(problems({ WEBHOOK_PROCESSING: "", LEADER_LEASE_MS: "1", OUTBOX_POLL_MS: "5", OUTBOX_CONCURRENCY: "0" }).map((p) => p.variable)).toEqual(["LEADER_LEASE_MS", "OUTBOX_POLL_MS", "OUTBOX_CONCURRENCY"]);
  });

  it("refuses a timer setting longer than Node's timers hold (they would fire at once, every millisecond)", () => {
    for (const variable of ["LEADER_LEASE_MS", "FAQ_POLL_MS", "OUTBOX_LEASE_MS", "OUTBOX_POLL_MS", "SWEEP_INTERVAL_MS"]) {
      expect(() => parseConfig({ [variable]: "3000000000" }), variable).toThrow(new RegExp(`${variable}: must be a whole number of milliseconds from \\d+ to 2147483647`));
    }
  });

  it("takes a setting left empty (FOO= in a .env file) as not set: its default", () => {
    const c = parseConfig({ PORT: "", LEADER_LEASE_MS: " ", WEBHOOK_PROCESSING: "", ZNS_DAILY_QUOTA: "", THROTTLE_OA_PER_SEC: "" });
    expect([c.PORT, c.LEADER_LEASE_MS, c.WEBHOOK_PROCESSING, c.ZNS_DAILY_QUOTA, c.THROTTLE_OA_PER_SEC]).toEqual([8787, 30_000, "inline", 0, 20]);
  });

  it("never repeats a secret's value in its message", () => {
    for (const [variable, value] of [["INTEGRATION_API_KEYS", "hunter2-hunter2:x"], ["DATABASE_URL", "mysql://hccd:s3cret@db/hccd"], ["CASE_SYSTEM_URL", "not a url s3cret"]]) {
      try {
        parseConfig({ [variable!]: value! });
        expect.unreachable(variable);
      } catch (e) {
        const message = (e as ConfigError).message;
        expect(message, variable).toContain(`${variable}:`);
        expect(message, variable).not.toMatch(/hunter2|s3cret/);
      }
    }
  });

  it(".env.example lists every setting, and parses as it stands", () => {
    const example = readFileSync(new URL("../../.env.example", import.meta.url), "utf8");
    const env = Object.fromEntries(example.split("\n").filter((l) => /^[A-Z_]+=/.test(l)).map((l) => [l.slice(0, l.indexOf("=")), l.slice(l.indexOf("=") + 1)]));
    expect(Object.keys(env).sort()).toEqual(Object.keys(configSchema.shape).sort());
    expect(() => parseConfig(env)).not.toThrow();
  });

  it("requires the Zalo credentials in live mode", () => {
    const e = (() => {
      try {
        parseConfig({ ZALO_MODE: "live", INTEGRATION_API_KEYS: "a-very-long-hospital-key:bv-a" });
      } catch (x) {
        return x as ConfigError;
      }
      throw new Error("no error");
    })();
    expect(e.problems.map((p) => p.variable).sort()).toEqual(["ZALO_APP_ID", "ZALO_APP_SECRET", "ZALO_OA_ACCESS_TOKEN", "ZALO_OA_ID", "ZALO_OA_REFRESH_TOKEN", "ZALO_OA_SECRET_KEY"]);
  });

  it("opens PostgreSQL when DATABASE_URL names one, else the SQLite file at DATABASE_PATH", () => {
    const url = "postgres://hccd:s3cret@db.internal:5432/hccd";
    expect(databaseTarget(parseConfig({ DATABASE_URL: url, DATABASE_PATH: "./data/x.db" }))).toBe(url);
    expect(databaseTarget(parseConfig({ DATABASE_URL: "postgresql://db.internal/hccd" }))).toBe("postgresql://db.internal/hccd");
    expect(databaseTarget(parseConfig({ DATABASE_URL: "", DATABASE_PATH: "./data/x.db" }))).toBe("./data/x.db");
    expect(databaseTarget(parseConfig({}))).toBe("./data/hccd.db");
  });

  it("names DATABASE_URL when it is not a PostgreSQL URL", () => {
    for (const bad of ["mysql://db.internal/hccd", "./data/hccd.db", "postgres://"]) {
      try {
        parseConfig({ DATABASE_URL: bad });
        expect.unreachable(bad);
      } catch (e) {
        expect(e).toBeInstanceOf(ConfigError);
        expect((e as ConfigError).problems).toEqual([{ variable: "DATABASE_URL", message: expect.stringContaining("postgres://") }]);
      }
    }
  });

  it("says which database it opened without its password", () => {
    expect(databaseLabel(parseConfig({ DATABASE_URL: "postgres://hccd:s3cret@db.internal:5432/hccd" }))).toBe("PostgreSQL postgres://hccd@db.internal:5432/hccd");
    expect(databaseLabel(parseConfig({ DATABASE_PATH: "./data/x.db" }))).toBe("SQLite ./data/x.db");
  });

  it("defaults to sim mode with development keys", () => {
    const c = parseConfig({});
    expect(c).toMatchObject({ PORT: 8787, SEED: "none", ZALO_MODE: "sim", QUIET_HOURS: { startHour: 21, endHour: 7 } });
    expect(c.INTEGRATION_API_KEYS.map((k) => k.clientId)).toEqual(["bvdk-tay-ninh", "case-system", "population"]);
  });
});
