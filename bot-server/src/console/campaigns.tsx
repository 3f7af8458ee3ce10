/** @jsxRuntime automatic */
/** @jsxImportSource hono/jsx */
/**
 * The console's campaigns area: compose a broadcast in vi and en, pick the target group, see the
 * audience, preview one recipient, test-send, schedule or send, pause, resume, cancel, and watch
 * the counts. Plain forms; the counts refresh by themselves (data-refresh).
 */
import { Hono } from "hono";
import {
  AGE_BAND_KEYS,
  CAMPAIGN_BODY_MAX,
  CAMPAIGN_PLACEHOLDERS,
  CAMPAIGN_TEMPLATES,
  catalogue,
  campaignFiltersSchema,
  campaignInputSchema,
  nextSendableAt,
  VIETNAM_OFFSET_MINUTES,
  type CampaignAudience,
  type CampaignCounts,
  type CampaignInput,
  type CampaignSummary,
} from "@hccd/shared";
import { wardList, wardName } from "../services/reference/wards.js";
import { DomainError } from "../errors.js";
import {
  audienceSize,
  campaignFilters,
  type CampaignFilters,
  type CampaignRow,
  campaignCounts,
  campaignReferenceProblems,
  cancelCampaign,
  createCampaign,
  listCampaignSummaries,
  pauseCampaign,
  previewCampaign,
  previewCandidates,
  readCampaign,
  resumeCampaign,
  scheduleCampaign,
  sendCampaignNow,
  testSendCampaign,
  unscheduleCampaign,
  updateCampaign,
} from "../services/campaigns/campaigns.js";
import type { ConsoleContext, ConsoleDeps, ConsoleEnv } from "./context.js";
import { formatVietnamDateTime } from "./format.js";
import { ConsolePage, CsrfField, Notice } from "./layout.js";

/** How often a campaign's counts refresh while it may change. */
const COUNTS_REFRESH_MS = 3000;

const FORM_FIELDS = ["name", "bodyVi", "bodyEn", "linkUrl"] as const;
const FILTER_FIELDS = ["wardCode", "serviceKey", "ageBand", "holderKind", "follower", "language"] as const;
type FormValues = Record<(typeof FORM_FIELDS)[number] | (typeof FILTER_FIELDS)[number], string>;
type FieldErrors = Partial<Record<keyof FormValues | "at" | "phone" | "zaloUserId" | "confirmEmptyAudience", string>>;

const emptyValues = (): FormValues => ({ name: "", bodyVi: "", bodyEn: "", linkUrl: "", wardCode: "", serviceKey: "", ageBand: "", holderKind: "", follower: "", language: "" });

function valuesOf(c: CampaignRow): FormValues {
  const f = c.filters;
  return { name: c.name, bodyVi: c.bodyVi, bodyEn: c.bodyEn, linkUrl: c.linkUrl ?? "", wardCode: f.wardCode ?? "", serviceKey: f.serviceKey ?? "", ageBand: f.ageBand ?? "", holderKind: f.holderKind ?? "", follower: f.follower === undefined ? "" : String(f.follower), language: f.language ?? "" };
}

function valuesFromBody(body: Record<string, unknown>): FormValues {
  const v = emptyValues();
  for (const k of Object.keys(v) as (keyof FormValues)[]) {
    const raw = body[k];
    v[k] = typeof raw === "string" ? raw : "";
  }
  return v;
}

const rawInput = (v: FormValues) => ({
  name: v.name, bodyVi: v.bodyVi, bodyEn: v.bodyEn, linkUrl: v.linkUrl,
  filters: { wardCode: v.wardCode, serviceKey: v.serviceKey, ageBand: v.ageBand, holderKind: v.holderKind, follower: v.follower, language: v.language },
});

const knownPlaceholders = Object.values(CAMPAIGN_PLACEHOLDERS).flat().map((p) => `{{${p}}}`).join(", ");

function fieldLabel(c: ConsoleContext, field: string): string {
  const t = c.var.t;
  const key: Record<string, string> = { name: "form.name", bodyVi: "form.bodyVi", bodyEn: "form.bodyEn", linkUrl: "form.linkUrl", wardCode: "form.ward", serviceKey: "form.service", ageBand: "form.ageBand", holderKind: "form.holderKind", follower: "form.follower", language: "form.language", at: "actions.scheduleAt", phone: "test.phone" };
  return t(`campaigns.${key[field] ?? "form.name"}`);
}

/** The form's zod issues in the staff member's language, one per field (the first). */
function localisedErrors(c: ConsoleContext, issues: readonly { path: readonly PropertyKey[]; code: string; message: string; params?: Record<string, unknown>; maximum?: unknown }[]): FieldErrors {
  const t = c.var.t;
  const out: FieldErrors = {};
  for (const i of issues) {
    const field = String(i.path.at(-1) ?? "name") as keyof FieldErrors;
    if (out[field]) continue;
    const label = fieldLabel(c, field);
    const code = typeof i.params?.i18n === "string" ? i.params.i18n : i.code === "too_small" ? "required" : i.code === "too_big" ? "tooLong" : "invalid";
    const token = typeof i.params?.token === "string" ? `{{${i.params.token}}}` : "{{dichvu}}";
    out[field] = t(`campaigns.errors.${code}`, { field: label, max: typeof i.maximum === "number" || typeof i.maximum === "bigint" ? String(i.maximum) : "", token, known: knownPlaceholders });
  }
  return out;
}

async function validate(c: ConsoleContext, deps: ConsoleDeps, v: FormValues): Promise<{ ok: true; input: CampaignInput } | { ok: false; errors: FieldErrors }> {
  const r = campaignInputSchema.safeParse(rawInput(v));
  if (!r.success) return { ok: false, errors: localisedErrors(c, r.error.issues as never) };
  const refs = await campaignReferenceProblems(deps, r.data);
  if (refs.length) {
    const errors: FieldErrors = {};
    for (const p of refs) {
      const field = p.path.split(".").at(-1) as keyof FieldErrors;
      errors[field] = c.var.t(`campaigns.errors.${p.code}`, { field: fieldLabel(c, field) });
    }
    return { ok: false, errors };
  }
  return { ok: true, input: r.data };
}

/** `YYYY-MM-DDTHH:mm` in Vietnam, for a datetime-local field. */
function vietnamLocalInput(at: Date): string {
  return new Date(at.getTime() + VIETNAM_OFFSET_MINUTES * 60_000).toISOString().slice(0, 16);
}

function statusPill(c: ConsoleContext, status: CampaignRow["status"]) {
  const kind = status === "completed" ? "pill--ok" : status === "cancelled" ? "pill--err" : status === "paused" || status === "scheduled" ? "pill--warn" : "";
  return <span class={`pill ${kind}`} data-testid="campaign-status" data-status={status}>{c.var.t(`campaigns.status.${status}`)}</span>;
}

function whenText(c: ConsoleContext, r: { status: CampaignRow["status"]; scheduledAt: Date | null; startedAt: Date | null; completedAt: Date | null; cancelledAt: Date | null }): string {
  const t = c.var.t;
  if (r.status === "cancelled" && r.cancelledAt) return t("campaigns.cancelledAt", { time: formatVietnamDateTime(r.cancelledAt) });
  if (r.completedAt) return t("campaigns.completedAt", { time: formatVietnamDateTime(r.completedAt) });
  if (r.startedAt) return t("campaigns.startedAt", { time: formatVietnamDateTime(r.startedAt) });
  if (r.scheduledAt) return t("campaigns.scheduledFor", { time: formatVietnamDateTime(r.scheduledAt) });
  return "";
}

/**
 * Where the campaign stands, in a sentence: inside the part of the page that refreshes, so an open
 * page moves from "being sent" to "finished" (or paused, cancelled) by itself.
 */
function stateText(c: ConsoleContext, r: CampaignRow): string | null {
  const t = c.var.t;
  if (r.status === "scheduled" && r.scheduledAt) return t("campaigns.state.scheduled", { time: formatVietnamDateTime(r.scheduledAt) });
  if (r.status === "sending") return t("campaigns.state.sending");
  if (r.status === "paused") return t("campaigns.state.paused");
  if (r.status === "completed" && r.completedAt) return t("campaigns.state.completed", { time: formatVietnamDateTime(r.completedAt) });
  if (r.status === "cancelled" && r.cancelledAt) return t("campaigns.state.cancelled", { time: formatVietnamDateTime(r.cancelledAt) });
  return null;
}

function Field(props: { c: ConsoleContext; name: keyof FieldErrors; label: string; hint?: string; errors: FieldErrors; children: (aria: Record<string, string | undefined>) => unknown }) {
  const err = props.errors[props.name];
  const describedBy = [props.hint ? `${props.name}-hint` : null, err ? `${props.name}-error` : null].filter(Boolean).join(" ") || undefined;
  return (
    <div class="field">
      <label for={props.name}>{props.label}</label>
      {props.children({ id: props.name, "aria-invalid": err ? "true" : undefined, "aria-describedby": describedBy }) as never}
      {props.hint && <p class="hint" id={`${props.name}-hint`}>{props.hint}</p>}
      {err && <p class="field-error" id={`${props.name}-error`} data-testid={`error-${props.name}`}>{err}</p>}
    </div>
  );
}

function Select(props: { c: ConsoleContext; name: keyof FormValues; value: string; options: [string, string][]; aria: Record<string, string | undefined> }) {
  return (
    <select name={props.name} {...props.aria} data-testid={`field-${props.name}`}>
      <option value="" selected={props.value === ""}>{props.c.var.t("campaigns.form.any")}</option>
      {props.options.map(([value, label]) => <option value={value} selected={props.value === value}>{label}</option>)}
    </select>
  );
}

function AudienceBlock(props: { c: ConsoleContext; audience: CampaignAudience; at: Date; recomputed?: boolean }) {
  const t = props.c.var.t;
  const a = props.audience;
  return (
    <section class="card" aria-labelledby="audience-title" data-testid="campaign-audience">
      <h2 id="audience-title">{t("campaigns.audience.title")}</h2>
      {props.recomputed && <Notice kind="info">{t("campaigns.audience.recomputed")}</Notice>}
      <dl class="import-counts campaign-counts">
        <div><dt>{t("campaigns.audience.willReceive")}</dt><dd data-testid="audience-will-receive">{a.willReceive}</dd></div>
        <div><dt>{t("campaigns.audience.matched")}</dt><dd data-testid="audience-matched">{a.matched}</dd></div>
        <div><dt>{t("campaigns.audience.optedOut")}</dt><dd data-testid="audience-opted-out">{a.optedOut}</dd></div>
        <div><dt>{t("campaigns.audience.unreachable")}</dt><dd data-testid="audience-unreachable">{a.unreachable}</dd></div>
      </dl>
      {a.nobodyReachableBecause.length > 0 && <NobodyReachable c={props.c} audience={a} />}
      <p class="hint">{t("campaigns.audience.asOf", { time: formatVietnamDateTime(props.at) })}</p>
    </section>
  );
}

/** Why nobody of the target group would get the campaign now, and what staff can do. */
function NobodyReachable(props: { c: ConsoleContext; audience: CampaignAudience }) {
  const t = props.c.var.t;
  const a = props.audience;
  const reason: Record<CampaignAudience["nobodyReachableBecause"][number], string> = {
    no_match: t("campaigns.audience.emptyNoMatch"),
    opted_out: t("campaigns.audience.emptyOptedOut", { count: a.optedOut }),
    not_following: t("campaigns.audience.emptyNotFollowing", { count: a.notFollowing }),
    outside_window: t("campaigns.audience.emptyOutsideWindow", { count: a.outsideWindow }),
  };
  return (
    <div class="notice notice--error" role="status" data-testid="audience-empty">
      <p><strong>{t("campaigns.audience.emptyTitle")}</strong></p>
      <ul>{a.nobodyReachableBecause.map((g) => <li data-reason={g}>{reason[g]}</li>)}</ul>
      <p>{t("campaigns.audience.emptyAdvice")}</p>
    </div>
  );
}

/** What the form shows besides the values: the wards to pick from and the audience of the target group as given. */
interface FormView {
  wards: [string, string][];
  audience: CampaignAudience;
  at: Date;
}

async function loadForm(deps: ConsoleDeps, filters: CampaignFilters): Promise<FormView> {
  const wards = (await wardList(deps.db)).map((w) => [w.code, w.name] as [string, string]);
  return { wards, audience: await audienceSize(deps, filters), at: deps.now() };
}

function campaignForm(c: ConsoleContext, view: FormView, opts: { action: string; title: string; values: FormValues; errors?: FieldErrors; recomputed?: boolean; submitLabel: string }) {
  const t = c.var.t;
  const v = opts.values;
  const errors = opts.errors ?? {};
  const lang = c.var.lang;
  const wards = view.wards;
  const services = catalogue.map((s) => [s.key, s.name[lang]] as [string, string]).sort((a, b) => a[1].localeCompare(b[1], lang));
  const hasErrors = Object.keys(errors).length > 0;
  return (
    <ConsolePage c={c} title={opts.title} section="campaigns">
      <p><a href="/staff/campaigns">{t("campaigns.back")}</a></p>
      {hasErrors && <Notice kind="error"><span data-testid="form-errors">{t("campaigns.form.fixErrors")}</span></Notice>}
      <form method="post" action={opts.action} class="card" data-testid="campaign-form" novalidate>
        <CsrfField c={c} />
        <Field c={c} name="name" label={t("campaigns.form.name")} hint={t("campaigns.form.nameHint")} errors={errors}>
          {(aria) => <input type="text" name="name" maxlength={120} value={v.name} {...aria} data-testid="field-name" />}
        </Field>
        <p class="hint" id="placeholders-hint">{t("campaigns.form.placeholders", { nameVi: "{{ten}}", wardVi: "{{phuong}}", serviceVi: "{{dichvu}}", nameEn: "{{name}}", wardEn: "{{ward}}", serviceEn: "{{service}}" })}</p>
        <Field c={c} name="bodyVi" label={t("campaigns.form.bodyVi")} hint={t("campaigns.form.bodyHint", { max: CAMPAIGN_BODY_MAX })} errors={errors}>
          {(aria) => <textarea name="bodyVi" rows={5} maxlength={CAMPAIGN_BODY_MAX} lang="vi" {...aria} data-testid="field-bodyVi">{v.bodyVi}</textarea>}
        </Field>
        <Field c={c} name="bodyEn" label={t("campaigns.form.bodyEn")} hint={t("campaigns.form.bodyHint", { max: CAMPAIGN_BODY_MAX })} errors={errors}>
          {(aria) => <textarea name="bodyEn" rows={5} maxlength={CAMPAIGN_BODY_MAX} lang="en" {...aria} data-testid="field-bodyEn">{v.bodyEn}</textarea>}
        </Field>
        <Field c={c} name="linkUrl" label={t("campaigns.form.linkUrl")} hint={t("campaigns.form.linkHint")} errors={errors}>
          {(aria) => <input type="url" name="linkUrl" maxlength={500} value={v.linkUrl} placeholder="https://" {...aria} data-testid="field-linkUrl" />}
        </Field>
        <fieldset class="filters campaign-filters">
          <legend>{t("campaigns.form.audienceTitle")}</legend>
          <p class="hint">{t("campaigns.form.audienceHint")}</p>
          <Field c={c} name="wardCode" label={t("campaigns.form.ward")} errors={errors}>{(aria) => <Select c={c} name="wardCode" value={v.wardCode} options={wards} aria={aria} />}</Field>
          <Field c={c} name="serviceKey" label={t("campaigns.form.service")} errors={errors}>{(aria) => <Select c={c} name="serviceKey" value={v.serviceKey} options={services} aria={aria} />}</Field>
          <Field c={c} name="ageBand" label={t("campaigns.form.ageBand")} errors={errors}>{(aria) => <Select c={c} name="ageBand" value={v.ageBand} options={AGE_BAND_KEYS.map((k) => [k, t(`campaigns.form.ageBands.${k}`)])} aria={aria} />}</Field>
          <Field c={c} name="holderKind" label={t("campaigns.form.holderKind")} errors={errors}>{(aria) => <Select c={c} name="holderKind" value={v.holderKind} options={(["person", "organization"] as const).map((k) => [k, t(`campaigns.form.holderKinds.${k}`)])} aria={aria} />}</Field>
          <Field c={c} name="follower" label={t("campaigns.form.follower")} errors={errors}>{(aria) => <Select c={c} name="follower" value={v.follower} options={(["true", "false"] as const).map((k) => [k, t(`campaigns.form.followers.${k}`)])} aria={aria} />}</Field>
          <Field c={c} name="language" label={t("campaigns.form.language")} errors={errors}>{(aria) => <Select c={c} name="language" value={v.language} options={(["vi", "en"] as const).map((k) => [k, t(`campaigns.form.languages.${k}`)])} aria={aria} />}</Field>
        </fieldset>
        <div class="actions">
          <button type="submit" class="button" name="intent" value="save" data-testid="campaign-save">{opts.submitLabel}</button>
          <button type="submit" class="button button--secondary" name="intent" value="count" data-testid="campaign-count">{t("campaigns.form.count")}</button>
        </div>
      </form>
      <AudienceBlock c={c} audience={view.audience} at={view.at} recomputed={opts.recomputed ?? false} />
    </ConsolePage>
  );
}

function filtersFromValues(v: FormValues): CampaignFilters {
  const r = campaignFiltersSchema.safeParse(rawInput(v).filters);
  return r.success ? campaignFilters(r.data) : {};
}

function describeFilters(c: ConsoleContext, f: CampaignFilters, ward: string | null): string[] {
  const t = c.var.t;
  const out: string[] = [];
  if (f.wardCode) out.push(`${t("campaigns.form.ward")}: ${ward ?? f.wardCode}`);
  if (f.serviceKey) out.push(`${t("campaigns.form.service")}: ${catalogue.find((s) => s.key === f.serviceKey)?.name[c.var.lang] ?? f.serviceKey}`);
  if (f.ageBand) out.push(`${t("campaigns.form.ageBand")}: ${t(`campaigns.form.ageBands.${f.ageBand}`)}`);
  if (f.holderKind) out.push(`${t("campaigns.form.holderKind")}: ${t(`campaigns.form.holderKinds.${f.holderKind}`)}`);
  if (f.follower !== undefined) out.push(`${t("campaigns.form.follower")}: ${t(`campaigns.form.followers.${String(f.follower)}`)}`);
  if (f.language) out.push(`${t("campaigns.form.language")}: ${t(`campaigns.form.languages.${f.language}`)}`);
  return out;
}

/** Zalo's delivery receipts keep coming after the last send: a completed campaign's counts still refresh for this long. */
const RECEIPTS_WINDOW_MS = 60 * 60_000;

function CountsBlock(props: { c: ConsoleContext; campaign: CampaignRow; counts: CampaignCounts; now: Date }) {
  const t = props.c.var.t;
  const k = props.counts;
  const active = props.campaign.status === "sending" || props.campaign.status === "paused" || props.campaign.status === "scheduled";
  const receiving = props.campaign.status === "completed" && props.campaign.completedAt !== null && props.now.getTime() - props.campaign.completedAt.getTime() < RECEIPTS_WINDOW_MS;
  const live = active || receiving;
  const rows: [keyof CampaignCounts, number][] = [["recipients", k.recipients], ["waiting", k.waiting], ["queued", k.queued], ["sent", k.sent], ["delivered", k.delivered], ["failed", k.failed], ["optedOut", k.optedOut], ["unreachable", k.unreachable], ["cancelled", k.cancelled]];
  return (
    <section id="campaign-counts" class="card" aria-labelledby="counts-title" data-testid="campaign-counts" data-status={props.campaign.status} {...(live ? { "data-refresh": String(active ? COUNTS_REFRESH_MS : COUNTS_REFRESH_MS * 2) } : {})}>
      <h2 id="counts-title">{t("campaigns.counts.title")} {statusPill(props.c, props.campaign.status)}</h2>
      {stateText(props.c, props.campaign) ? <p data-testid="campaign-state" data-status={props.campaign.status}>{stateText(props.c, props.campaign)}</p> : <p class="muted">{whenText(props.c, props.campaign)}</p>}
      <dl class="import-counts campaign-counts">
        {rows.map(([key, n]) => (
          <div><dt>{t(`campaigns.counts.${key}`)}</dt><dd data-testid={`count-${key}`}>{n}</dd></div>
        ))}
      </dl>
      {live && <p class="hint">{t("campaigns.counts.live")}</p>}
    </section>
  );
}

type ReviewOpts = { notice?: { kind: "info" | "success" | "error"; text: string }; errors?: FieldErrors; values?: { at?: string; phone?: string } };

/** What the campaign's page shows: the campaign, its counts, and before it starts its audience as it stands. */
interface ReviewView {
  campaign: CampaignRow;
  counts: CampaignCounts;
  audience: CampaignAudience | null;
  /** The name of the target group's ward. */
  ward: string | null;
  now: Date;
}

const beforeStart = (campaign: CampaignRow) => campaign.status === "draft" || campaign.status === "scheduled";

async function loadReview(deps: ConsoleDeps, id: string): Promise<ReviewView> {
  const campaign = await readCampaign(deps, id);
  return {
    campaign,
    counts: await campaignCounts(deps, campaign.id),
    audience: beforeStart(campaign) ? await audienceSize(deps, campaign.filters) : null,
    ward: campaign.filters.wardCode ? await wardName(deps.db, campaign.filters.wardCode) : null,
    now: deps.now(),
  };
}

function reviewPage(c: ConsoleContext, deps: Pick<ConsoleDeps, "config">, view: ReviewView, opts: ReviewOpts = {}) {
  const t = c.var.t;
  const { campaign, audience, now } = view;
  const errors = opts.errors ?? {};
  const editable = campaign.status === "draft";
  // Nobody could receive it now: no "send now" (refused anyway), and a schedule asks to confirm.
  const nobodyNow = audience !== null && audience.willReceive === 0;
  const filters = describeFilters(c, campaign.filters, view.ward);
  const quiet = deps.config.QUIET_HOURS;
  const sendableAt = nextSendableAt(now, quiet);
  const defaultAt = vietnamLocalInput(new Date(Math.ceil((now.getTime() + 3600_000) / 900_000) * 900_000));
  return (
    <ConsolePage c={c} title={campaign.name} section="campaigns">
      <p><a href="/staff/campaigns">{t("campaigns.back")}</a></p>
      {opts.notice && <Notice kind={opts.notice.kind}><span data-testid="campaign-notice">{opts.notice.text}</span></Notice>}
      {sendableAt.getTime() !== now.getTime() && (campaign.status === "sending" || beforeStart(campaign)) && <Notice kind="info">{t("campaigns.actions.quietNow", { time: formatVietnamDateTime(sendableAt) })}</Notice>}
      <CountsBlock c={c} campaign={campaign} counts={view.counts} now={now} />
      <section class="card" aria-labelledby="bodies-title">
        <h2 id="bodies-title">{t("campaigns.review.bodies")}</h2>
        <h3>{t("campaigns.form.bodyVi")}</h3>
        <p class="campaign-body" lang="vi" data-testid="review-bodyVi">{campaign.bodyVi}</p>
        <h3>{t("campaigns.form.bodyEn")}</h3>
        <p class="campaign-body" lang="en" data-testid="review-bodyEn">{campaign.bodyEn}</p>
        <p><strong>{t("campaigns.review.link")}:</strong> {campaign.linkUrl ?? t("campaigns.review.noLink")}</p>
        <h3>{t("campaigns.review.filters")}</h3>
        <ul data-testid="review-filters">{filters.length ? filters.map((f) => <li>{f}</li>) : <li>{t("campaigns.review.noFilters")}</li>}</ul>
        {editable && <p><a class="button button--secondary" href={`/staff/campaigns/${campaign.id}/edit`} data-testid="campaign-edit">{t("campaigns.review.edit")}</a></p>}
      </section>
      {audience && <AudienceBlock c={c} audience={audience} at={now} />}
      {beforeStart(campaign) && (
        <section class="card" aria-labelledby="preview-title">
          <h2 id="preview-title">{t("campaigns.preview.title")}</h2>
          <p>{t("campaigns.preview.intro")}</p>
          <a class="button button--secondary" href={`/staff/campaigns/${campaign.id}/preview`} data-testid="campaign-preview-open">{t("campaigns.preview.open")}</a>
        </section>
      )}
      {campaign.status !== "cancelled" && campaign.status !== "completed" && (
        <section class="card" aria-labelledby="test-title">
          <h2 id="test-title">{t("campaigns.test.title")}</h2>
          <p>{t("campaigns.test.intro")}</p>
          <form method="post" action={`/staff/campaigns/${campaign.id}/test`} data-testid="campaign-test-form">
            <CsrfField c={c} />
            <Field c={c} name="phone" label={t("campaigns.test.phone")} errors={errors}>
              {(aria) => <input type="tel" name="phone" autocomplete="tel" value={opts.values?.phone ?? ""} {...aria} data-testid="field-phone" />}
            </Field>
            <button type="submit" class="button button--secondary" data-testid="campaign-test-send">{t("campaigns.test.submit")}</button>
          </form>
        </section>
      )}
      <section class="card" aria-labelledby="actions-title">
        <h2 id="actions-title">{t("campaigns.actions.title")}</h2>
        {editable && (
          <form method="post" action={`/staff/campaigns/${campaign.id}/schedule`} data-testid="campaign-schedule-form">
            <CsrfField c={c} />
            <Field c={c} name="at" label={t("campaigns.actions.scheduleAt")} hint={t("campaigns.actions.scheduleHint", { start: quiet.startHour, end: quiet.endHour })} errors={errors}>
              {(aria) => <input type="datetime-local" name="at" value={opts.values?.at ?? defaultAt} {...aria} data-testid="field-at" />}
            </Field>
            {nobodyNow && (
              <div class="field">
                <label class="faq-check">
                  <input type="checkbox" name="confirmEmptyAudience" value="yes" id="confirmEmptyAudience" aria-invalid={errors.confirmEmptyAudience ? "true" : undefined} aria-describedby={errors.confirmEmptyAudience ? "confirmEmptyAudience-error" : undefined} data-testid="field-confirmEmptyAudience" /> {t("campaigns.actions.confirmEmpty")}
                </label>
                {errors.confirmEmptyAudience && <p class="field-error" id="confirmEmptyAudience-error" data-testid="error-confirmEmptyAudience">{errors.confirmEmptyAudience}</p>}
              </div>
            )}
            <button type="submit" class="button button--secondary" data-testid="campaign-schedule">{t("campaigns.actions.schedule")}</button>
          </form>
        )}
        <div class="actions">
          {beforeStart(campaign) && !nobodyNow && (
            <form method="post" action={`/staff/campaigns/${campaign.id}/send`} class="inline-form">
              <CsrfField c={c} />
              <button type="submit" class="button" data-confirm={t("campaigns.actions.sendNowConfirm", { count: audience?.willReceive ?? 0 })} data-testid="campaign-send-now">{t("campaigns.actions.sendNow")}</button>
            </form>
          )}
          {campaign.status === "scheduled" && (
            <form method="post" action={`/staff/campaigns/${campaign.id}/unschedule`} class="inline-form">
              <CsrfField c={c} />
              <button type="submit" class="button button--secondary" data-testid="campaign-unschedule">{t("campaigns.actions.unschedule")}</button>
            </form>
          )}
          {campaign.status === "sending" && (
            <form method="post" action={`/staff/campaigns/${campaign.id}/pause`} class="inline-form">
              <CsrfField c={c} />
              <button type="submit" class="button button--secondary" data-confirm={t("campaigns.actions.pauseConfirm")} data-testid="campaign-pause">{t("campaigns.actions.pause")}</button>
            </form>
          )}
          {campaign.status === "paused" && (
            <form method="post" action={`/staff/campaigns/${campaign.id}/resume`} class="inline-form">
              <CsrfField c={c} />
              <button type="submit" class="button" data-testid="campaign-resume">{t("campaigns.actions.resume")}</button>
            </form>
          )}
          {campaign.status !== "cancelled" && campaign.status !== "completed" && (
            <form method="post" action={`/staff/campaigns/${campaign.id}/cancel`} class="inline-form">
              <CsrfField c={c} />
              <button type="submit" class="button button--danger" data-confirm={t("campaigns.actions.cancelConfirm")} data-testid="campaign-cancel">{t("campaigns.actions.cancel")}</button>
            </form>
          )}
        </div>
      </section>
    </ConsolePage>
  );
}

function listPage(c: ConsoleContext, rows: CampaignSummary[]) {
  const t = c.var.t;
  return (
    <ConsolePage c={c} title={t("campaigns.title")} section="campaigns">
      <p>{t("campaigns.intro")}</p>
      <Notice kind="info">{t("campaigns.channelNote")}</Notice>
      <div class="actions">
        <a class="button" href="/staff/campaigns/new" data-testid="campaign-new">{t("campaigns.newCampaign")}</a>
        <a class="button button--secondary" href="/staff/campaigns/new?template=communication-week" data-testid="campaign-template">{t("campaigns.useTemplate")}</a>
      </div>
      <h2>{t("campaigns.listTitle")}</h2>
      {rows.length === 0 ? (
        <p data-testid="campaigns-none">{t("campaigns.none")}</p>
      ) : (
        <div class="table-wrap" id="campaign-list" {...(rows.some((r) => r.status === "sending" || r.status === "scheduled") ? { "data-refresh": String(COUNTS_REFRESH_MS * 2) } : {})}>
          <table data-testid="campaign-list">
            <thead>
              <tr>
                <th scope="col">{t("campaigns.columns.name")}</th>
                <th scope="col">{t("campaigns.columns.status")}</th>
                <th scope="col">{t("campaigns.columns.when")}</th>
                <th scope="col" class="num">{t("campaigns.columns.recipients")}</th>
                <th scope="col" class="num">{t("campaigns.columns.sent")}</th>
                <th scope="col" class="num">{t("campaigns.columns.delivered")}</th>
                <th scope="col" class="num">{t("campaigns.columns.failed")}</th>
                <th scope="col" class="num">{t("campaigns.columns.optedOut")}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr data-testid="campaign-row" data-id={r.id}>
                  <td><a href={`/staff/campaigns/${r.id}`}>{r.name}</a></td>
                  <td>{statusPill(c, r.status)}</td>
                  <td>{whenText(c, { status: r.status, scheduledAt: r.scheduledAt ? new Date(r.scheduledAt) : null, startedAt: r.startedAt ? new Date(r.startedAt) : null, completedAt: r.completedAt ? new Date(r.completedAt) : null, cancelledAt: r.cancelledAt ? new Date(r.cancelledAt) : null })}</td>
                  <td class="num">{r.counts.recipients}</td>
                  <td class="num">{r.counts.sent}</td>
                  <td class="num">{r.counts.delivered}</td>
                  <td class="num">{r.counts.failed}</td>
                  <td class="num">{r.counts.optedOut}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </ConsolePage>
  );
}

/** The preview page: a few audience members to pick from, and what the chosen one would get (or why not). */
interface PreviewView {
  campaign: CampaignRow;
  candidates: { zaloUserId: string; label: string; language: "vi" | "en" }[];
  chosen: string | undefined;
  result: { who: string; language: "vi" | "en"; text: string; link: string | null } | null;
  error: string | null;
}

async function loadPreview(c: ConsoleContext, deps: ConsoleDeps, id: string, chosen: string | undefined): Promise<PreviewView> {
  const ctx = { staff: c.var.staff, requestId: c.var.requestId };
  const campaign = await readCampaign(deps, id);
  const candidates = await previewCandidates(deps, ctx, campaign.id);
  const view: PreviewView = { campaign, candidates, chosen, result: null, error: null };
  if (!chosen) return view;
  try {
    const p = await previewCampaign(deps, ctx, campaign.id, chosen);
    return { ...view, result: { ...p, who: candidates.find((x) => x.zaloUserId === chosen)?.label ?? chosen } };
  } catch (err) {
    const refused = err instanceof DomainError ? refusal(c, deps, err, "preview", campaign) : null;
    if (!refused) throw err;
    return { ...view, error: refused.opts.notice?.text ?? null };
  }
}

function previewPage(c: ConsoleContext, view: PreviewView) {
  const t = c.var.t;
  const { campaign, candidates, chosen, result, error } = view;
  return (
    <ConsolePage c={c} title={`${t("campaigns.preview.title")}: ${campaign.name}`} section="campaigns">
      <p><a href={`/staff/campaigns/${campaign.id}`}>← {campaign.name}</a></p>
      <p>{t("campaigns.preview.intro")}</p>
      {error && <Notice kind="error">{error}</Notice>}
      {candidates.length === 0 ? (
        <p data-testid="preview-none">{t("campaigns.preview.none")}</p>
      ) : (
        <form method="get" action={`/staff/campaigns/${campaign.id}/preview`} class="card">
          <div class="field">
            <label for="zaloUserId">{t("campaigns.preview.recipient")}</label>
            <select id="zaloUserId" name="zaloUserId" data-testid="preview-recipient">
              {candidates.map((x) => <option value={x.zaloUserId} selected={x.zaloUserId === chosen}>{`${x.label} (${t(`campaigns.form.languages.${x.language}`)})`}</option>)}
            </select>
          </div>
          <button type="submit" class="button" data-testid="preview-show">{t("campaigns.preview.show")}</button>
        </form>
      )}
      {result && (
        <section class="card" data-testid="preview-result" data-language={result.language}>
          <h2>{t("campaigns.preview.resultTitle", { who: result.who, language: t(`campaigns.form.languages.${result.language}`) })}</h2>
          <p class="campaign-body" lang={result.language} data-testid="preview-text">{result.text}</p>
          {result.link && <p class="muted">{t("campaigns.preview.button", { url: result.link })}</p>}
        </section>
      )}
    </ConsolePage>
  );
}

export function campaignPages(deps: ConsoleDeps) {
  const app = new Hono<ConsoleEnv>();
  const ctxOf = (c: ConsoleContext) => ({ staff: c.var.staff, requestId: c.var.requestId });

  /**
   * Makes a change, then answers with `done` (the campaign's page, or a redirect to it). A change
   * the service refuses shows the campaign's page again, with the refusal in the staff member's
   * words (`refusal`, the one place refusals are worded); anything else goes on to `onError`.
   */
  async function attempt<T>(c: ConsoleContext, id: string, verb: Verb, change: () => Promise<T>, done: (result: T) => Response | Promise<Response>, values?: ReviewOpts["values"]): Promise<Response> {
    let result: T;
    try {
      result = await change();
    } catch (err) {
      if (!(err instanceof DomainError)) throw err;
      const view = await loadReview(deps, id);
      const refused = refusal(c, deps, err, verb, view.campaign);
      if (!refused) throw err;
      return c.html(reviewPage(c, deps, view, { ...refused.opts, ...(values ? { values } : {}) }), refused.status);
    }
    return done(result);
  }

  app.get("/", async (c) => c.html(listPage(c, await listCampaignSummaries(deps))));

  app.get("/new", async (c) => {
    const template = c.req.query("template") === "communication-week" ? CAMPAIGN_TEMPLATES["communication-week"] : null;
    const values = { ...emptyValues(), ...(template ? { name: template.name, bodyVi: template.bodyVi, bodyEn: template.bodyEn } : {}) };
    return c.html(campaignForm(c, await loadForm(deps, {}), { action: "/staff/campaigns/new", title: c.var.t("campaigns.form.newTitle"), values, submitLabel: c.var.t("campaigns.form.save") }));
  });

  app.post("/new", async (c) => {
    const body = await c.req.parseBody();
    const values = valuesFromBody(body);
    const form = async (o: { errors?: FieldErrors; recomputed?: boolean }) =>
      campaignForm(c, await loadForm(deps, filtersFromValues(values)), { action: "/staff/campaigns/new", title: c.var.t("campaigns.form.newTitle"), values, submitLabel: c.var.t("campaigns.form.save"), ...o });
    if (body.intent === "count") return c.html(await form({ recomputed: true }));
    const v = await validate(c, deps, values);
    if (!v.ok) return c.html(await form({ errors: v.errors }), 422);
    const created = await createCampaign(deps, ctxOf(c), v.input);
    return c.redirect(`/staff/campaigns/${created.id}?saved=created`, 303);
  });

  app.get("/:id", async (c) => {
    const view = await loadReview(deps, c.req.param("id"));
    const { campaign } = view;
    const saved = c.req.query("saved");
    const done = c.req.query("done");
    const t = c.var.t;
    const notice = saved === "created" || saved === "updated"
      ? { kind: "success" as const, text: t(`campaigns.review.${saved}`) }
      // What the action did, while it is still what the campaign is doing; after that the state line says it.
      : done && ({ paused: "paused", resumed: "sending", cancelled: "cancelled", unscheduled: "draft" } as Record<string, CampaignRow["status"]>)[done] === campaign.status
        ? { kind: "success" as const, text: t(`campaigns.actions.${done}`) }
        : done === "scheduled" && campaign.scheduledAt
          ? { kind: "success" as const, text: t("campaigns.actions.scheduled", { time: formatVietnamDateTime(campaign.scheduledAt) }) }
          : undefined;
    return c.html(reviewPage(c, deps, view, notice ? { notice } : {}));
  });

  const editForm = async (c: ConsoleContext, campaign: CampaignRow, values: FormValues, o: { errors?: FieldErrors; recomputed?: boolean } = {}, filters = filtersFromValues(values)) =>
    campaignForm(c, await loadForm(deps, filters), { action: `/staff/campaigns/${campaign.id}/edit`, title: c.var.t("campaigns.form.editTitle", { name: campaign.name }), values, submitLabel: c.var.t("campaigns.form.saveChanges"), ...o });

  app.get("/:id/edit", async (c) => {
    const campaign = await readCampaign(deps, c.req.param("id"));
    if (campaign.status !== "draft") return c.html(reviewPage(c, deps, await loadReview(deps, campaign.id), { notice: { kind: "error", text: c.var.t("campaigns.errors.notDraft") } }), 409);
    return c.html(await editForm(c, campaign, valuesOf(campaign), {}, campaign.filters));
  });

  app.post("/:id/edit", async (c) => {
    const campaign = await readCampaign(deps, c.req.param("id"));
    const body = await c.req.parseBody();
    const values = valuesFromBody(body);
    if (body.intent === "count") return c.html(await editForm(c, campaign, values, { recomputed: true }));
    const v = await validate(c, deps, values);
    if (!v.ok) return c.html(await editForm(c, campaign, values, { errors: v.errors }), 422);
    return attempt(c, campaign.id, "edit", () => updateCampaign(deps, ctxOf(c), campaign.id, v.input), () => c.redirect(`/staff/campaigns/${campaign.id}?saved=updated`, 303));
  });

  app.get("/:id/preview", async (c) => c.html(previewPage(c, await loadPreview(c, deps, c.req.param("id"), c.req.query("zaloUserId") || undefined))));

  app.post("/:id/test", async (c) => {
    const { id } = await readCampaign(deps, c.req.param("id"));
    const body = await c.req.parseBody();
    const phone = typeof body.phone === "string" ? body.phone : "";
    const t = c.var.t;
    return attempt(c, id, "test", () => testSendCampaign(deps, ctxOf(c), id, phone), async (r) => {
      const language = t(`campaigns.form.languages.${r.language}`);
      const text = r.deferredUntil ? `${t("campaigns.test.sent", { language })} ${t("campaigns.test.deferred", { time: formatVietnamDateTime(r.deferredUntil) })}` : t("campaigns.test.sent", { language });
      return c.html(reviewPage(c, deps, await loadReview(deps, id), { notice: { kind: "success", text }, values: { phone } }));
    }, { phone });
  });

  app.post("/:id/schedule", async (c) => {
    const { id } = await readCampaign(deps, c.req.param("id"));
    const body = await c.req.parseBody();
    const at = typeof body.at === "string" ? body.at : "";
    const t = c.var.t;
    if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(at)) return c.html(reviewPage(c, deps, await loadReview(deps, id), { errors: { at: t("campaigns.errors.invalid", { field: t("campaigns.actions.scheduleAt") }) }, values: { at } }), 422);
    return attempt(c, id, "schedule", () => scheduleCampaign(deps, ctxOf(c), id, at, { confirmEmptyAudience: body.confirmEmptyAudience === "yes" }), () => c.redirect(`/staff/campaigns/${id}?done=scheduled`, 303), { at });
  });

  const action = (path: string, done: string, run: (c: ConsoleContext, id: string) => Promise<unknown>) =>
    app.post(`/:id/${path}`, async (c) => {
      const { id } = await readCampaign(deps, c.req.param("id"));
      return attempt(c, id, "act", () => run(c, id), () => c.redirect(`/staff/campaigns/${id}?done=${done}`, 303));
    });
  action("send", "started", (c, id) => sendCampaignNow(deps, ctxOf(c), id));
  action("unschedule", "unscheduled", (c, id) => unscheduleCampaign(deps, ctxOf(c), id));
  action("pause", "paused", (c, id) => pauseCampaign(deps, ctxOf(c), id));
  action("resume", "resumed", (c, id) => resumeCampaign(deps, ctxOf(c), id));
  action("cancel", "cancelled", (c, id) => cancelCampaign(deps, ctxOf(c), id));

  return app;
}

/** What the staff member was doing when the service said no (an edit refused is "only a draft can be edited"). */
type Verb = "edit" | "schedule" | "test" | "preview" | "act";

/** A refused field in the staff member's words (the service's code picks the text). */
const REFUSALS: Record<string, string> = {
  campaign_test_bad_phone: "testBadPhone",
  campaign_test_not_follower: "testNotFollower",
  campaign_test_outside_window: "testOutsideWindow",
  campaign_schedule_invalid: "invalid",
  campaign_schedule_past: "schedulePast",
  campaign_schedule_quiet: "scheduleQuiet",
};

/**
 * A campaign service's refusal as the page shows it, in the staff member's language: the status to
 * answer with, and the notice or the field's error. Null when the error is not a refusal of the
 * campaign's (it goes on to the console's error handler).
 */
function refusal(c: ConsoleContext, deps: Pick<ConsoleDeps, "config">, err: DomainError, verb: Verb, campaign: CampaignRow): { status: 409 | 422; opts: ReviewOpts } | null {
  const t = c.var.t;
  const error = (text: string) => ({ notice: { kind: "error" as const, text } });
  if (err.code === "campaign_audience_empty") {
    // Scheduling asks to confirm (the audience is fixed when it starts); sending now is refused.
    return err.status === 422 ? { status: 422, opts: { errors: { confirmEmptyAudience: t("campaigns.errors.confirmEmpty") } } } : { status: 409, opts: error(t("campaigns.actions.sendRefusedEmpty")) };
  }
  if (err.code === "campaign_not_in_audience") return { status: 422, opts: error(t("campaigns.errors.notInAudience")) };
  const field = err.fields?.[0]?.path;
  if (err.status === 422 && (field === "at" || field === "phone")) {
    const q = deps.config.QUIET_HOURS;
    return { status: 422, opts: { errors: { [field]: t(`campaigns.errors.${REFUSALS[err.code] ?? "invalid"}`, { field: fieldLabel(c, field), start: q.startHour, end: q.endHour }) } } };
  }
  if (err.status === 409) return { status: 409, opts: error(verb === "edit" ? t("campaigns.errors.notDraft") : t("campaigns.errors.wrongStatus", { status: t(`campaigns.status.${campaign.status}`) })) };
  return null;
}
