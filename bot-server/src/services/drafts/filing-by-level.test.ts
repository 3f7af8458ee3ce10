import { afterEach, describe, expect, it } from "vitest";
import { catalogue, draftProcedureCode, fieldKindOfPath, filingOf, type DossierCopy, type DraftFieldSpec, type DraftView, type ServiceEntry, type Upcoming } from "@hccd/shared";
import { sql } from "drizzle-orm";
import { createTestWorld, readJson, type TestWorld } from "../../testing/world.js";
import { importCsvText } from "../../testing/imports.js";
import { seedReference } from "../../runtime.js";
import { defaultReminderCatalogue } from "../reminders/reminder-catalogue.js";

let world: TestWorld;
afterEach(async () => {
  await world?.close();
});

const PDF = new TextEncoder().encode("%PDF-1.4\n1 0 obj << >> endobj\n%%EOF\n");
const PHONE = "0987654321";

/** Every service whose reminder prepares a renewal draft (the `/renew` landing): one case each. */
const RENEWABLE = catalogue.filter((e): e is ServiceEntry & { draft: NonNullable<ServiceEntry["draft"]> } => Boolean(e.draft) && e.trigger.kind === "document-expiry");

/** A value a citizen could type for an open field of `kind`. */
function valueFor(field: DraftView["fields"][number]): string {
  if (field.kind === "date") return "2027-01-05";
  if (field.kind === "phone") return PHONE;
  if (field.kind === "select") return Object.keys(field.optionLabels ?? {})[0] ?? "";
  return "Trung tâm Đăng kiểm 72-01D";
}

/** Opens the service's draft from its reminder's document, fills what is open, adds its papers. */
async function preparedDraft(entry: ServiceEntry): Promise<{ token: string; view: DraftView }> {
  world = await createTestWorld({ catalogue: defaultReminderCatalogue });
  await seedReference(world.handle.db);
  await importCsvText(world.services, defaultReminderCatalogue, `${entry.key},DOC-1,organization,Công ty TNHH Minh An,${PHONE},2027-03-01`);
  const citizen = await world.citizen({ phone: PHONE });
  const home = await readJson<Upcoming>(await world.call("GET", "/api/me/upcoming", { token: citizen.token }));
  const item = home.items.find((i) => i.serviceKey === entry.key)!;
  let view = await readJson<DraftView>(await world.call("POST", `/api/me/documents/${item.id}/draft`, { token: citizen.token }));
  if (view.openFields.length > 0) {
    const changes = Object.fromEntries(view.openFields.map((k) => [k, valueFor(view.fields.find((f) => f.key === k)!)]));
    view = await readJson<DraftView>(await world.call("PATCH", `/api/me/drafts/${view.id}`, { token: citizen.token, body: { version: view.version, changes } }));
  }
  for (const a of view.attachments.filter((x) => x.required)) {
    const form = new FormData();
    form.append("file", new File([PDF], "giay-to.pdf"));
    const res = await world.app.request(`/api/me/drafts/${view.id}/attachments/${a.key}`, { method: "PUT", headers: { authorization: `Bearer ${citizen.token}` }, body: form });
    view = await readJson<DraftView>(res);
  }
  return { token: citizen.token, view };
}

/**
 * Plan 920 §II.4 (seed 000): level 2 prepares the dossier for the citizen to confirm and file;
 * level 3 creates and submits it after consent. Each dossier carries the procedure code of what is
 * done (procedures.ts: the plan row naming it), never a catalogue key.
 */
describe("after consent, the service's level decides who files the dossier, under which procedure", () => {
  it.each(RENEWABLE.map((e) => [e.key, e.level, e] as const))("%s (level %s)", async (_key, _level, entry) => {
    const filing = filingOf(entry);
    const { token, view } = await preparedDraft(entry);
    expect(view.procedureCode).toBe(draftProcedureCode(entry));
    expect(view.procedureCode).not.toBe(entry.key);
    expect(view.filing).toBe(filing.by === "system" ? "system" : "citizen");
    expect(view.openFields).toEqual([]);

    const res = await world.call("POST", `/api/me/drafts/${view.id}/consent`, { token, body: { contentHash: view.contentHash, consentTextVersion: view.consentTextVersion } });
    expect(res.status).toBe(201);
    const accepted = await readJson<{ submissionId: string | null; draft: DraftView }>(res);
    await world.worker.drain();
    const dossiers = world.sim!.caseSystem!.dossiers();
    if (filing.by === "system") {
      expect(accepted.submissionId).toEqual(expect.any(String));
      expect(dossiers.map((d) => d.procedureCode)).toEqual([filing.procedureCode]);
    } else {
      // Level 2: confirmed for the citizen to file; nothing queued, nothing sent.
      expect(accepted).toMatchObject({ submissionId: null, draft: { status: "consented", submission: null, filing: "citizen" } });
      expect(dossiers).toEqual([]);
      expect(await world.one(sql`select count(*) as n from submissions`)).toEqual({ n: 0 });
      expect(await world.one(sql`select count(*) as n from outbox where channel = 'case_system'`)).toEqual({ n: 0 });
      // The same confirmation again is the idempotent repeat.
      const again = await world.call("POST", `/api/me/drafts/${view.id}/consent`, { token, body: { contentHash: view.contentHash, consentTextVersion: view.consentTextVersion } });
      expect(again.status).toBe(200);
    }
  });
});

/**
 * Level 2 (plan 920 §II.4): the citizen files the prepared dossier themselves, so once they confirm
 * it they get a copy to keep, print or show at the counter: the dossier as confirmed, where and how
 * to file it, and a reference to the consent. Only the draft's parties get it.
 */
describe("a dossier the citizen files themselves has a copy once confirmed, for them alone", () => {
  const SELF_FILED = RENEWABLE.filter((e) => filingOf(e).by === "citizen");
  it("the catalogue has level-2 renewals to check", () => {
    expect(SELF_FILED.length).toBeGreaterThan(0);
  });

  it.each(SELF_FILED.map((e) => [e.key, e] as const))("%s", async (key, entry) => {
    const { token, view } = await preparedDraft(entry);
    const copy = (as = token) => world.call("GET", `/api/me/drafts/${view.id}/copy`, { token: as });
    expect((await readJson<{ error: { code: string } }>(await copy())).error.code).toBe("not_confirmed");
    await world.call("POST", `/api/me/drafts/${view.id}/consent`, { token, body: { contentHash: view.contentHash, consentTextVersion: view.consentTextVersion } });

    const res = await copy();
    expect(res.status).toBe(200);
    const body = await readJson<DossierCopy>(res);
    expect(body.reference).toBe(`${view.id}-${view.contentHash.slice(0, 12)}`.toUpperCase());
    // What was confirmed, not sent: no submission, and the status does not claim one.
    expect(body.draft).toMatchObject({ id: view.id, status: "consented", filing: "citizen", submission: null, contentHash: view.contentHash });
    expect(body.draft.fields.map((f) => [f.key, f.value])).toEqual(view.fields.map((f) => [f.key, f.value]));
    expect(body.guidance).toMatchObject({ service: key, level: entry.level });
    expect(body.guidance.where.length).toBeGreaterThan(0);

    // Anyone else: the draft does not exist.
    const stranger = await world.citizen({ phone: "0911222333" });
    expect((await copy(stranger.token)).status).toBe(404);
  });

  it("a dossier changed after its confirmation has no copy until confirmed again; one we submit has none", async () => {
    const textField = (f: DraftFieldSpec) => f.source === "citizen" && !f.options && (f.kind ?? fieldKindOfPath(f.path)) === "text";
    const entry = SELF_FILED.find((e) => e.draft.fields.some(textField))!;
    const { token, view } = await preparedDraft(entry);
    await world.call("POST", `/api/me/drafts/${view.id}/consent`, { token, body: { contentHash: view.contentHash, consentTextVersion: view.consentTextVersion } });
    const open = entry.draft.fields.find(textField)!;
    const edited = await world.call("PATCH", `/api/me/drafts/${view.id}`, { token, body: { version: view.version, changes: { [open.path]: "Một nơi khác" } } });
    expect(edited.status).toBe(200);
    const after = await world.call("GET", `/api/me/drafts/${view.id}/copy`, { token });
    expect(after.status).toBe(409);
    expect((await readJson<{ error: { code: string } }>(after)).error.code).toBe("not_confirmed");
    await world.close();

    const submitted = RENEWABLE.find((e) => filingOf(e).by === "system")!;
    const other = await preparedDraft(submitted);
    const res = await world.call("GET", `/api/me/drafts/${other.view.id}/copy`, { token: other.token });
    expect((await readJson<{ error: { code: string } }>(res)).error.code).toBe("filed_for_you");
  });
});
