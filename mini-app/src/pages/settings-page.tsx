import { useState, type ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { Button, Page } from "zmp-ui";
import { CHANNELS, type MyData, type Settings, type UpdateSettings } from "@hccd/shared/client";
import { BottomNav } from "../components/bottom-nav";
import { ErrorState } from "../components/error-state";
import { LoadingState } from "../components/loading-state";
import { Notice } from "../components/notice";
import { PageHeader } from "../components/page-header";
import { formatInstant } from "../format/dates";
import { useResource } from "../hooks/use-resource";
import { APP_NAMESPACES } from "../i18n/app-t";
import { errorText } from "../i18n/error-text";
import { localised } from "../i18n/localised";
import { toApiError } from "../services/api-error";
import { useAppServices } from "../session/app-services-context";

/** A whole-row checkbox or radio (at least 44 px tall, see app.css `.choice`). */
function Choice(props: { type?: "checkbox" | "radio"; name?: string; checked: boolean; disabled?: boolean; onChange: (on: boolean) => void; testId: string; lang?: string; children: ReactNode }) {
  return (
    <label className="choice">
      <input type={props.type ?? "checkbox"} name={props.name} checked={props.checked} disabled={props.disabled} onChange={(e) => props.onChange(e.target.checked)} data-testid={props.testId} />
      <span lang={props.lang}>{props.children}</span>
    </label>
  );
}

/**
 * Language, what to be reminded of and how, the consents given (and taking them back), and
 * "my data": everything held about the citizen, to read and to download.
 */
export function SettingsPage() {
  const { t, i18n } = useTranslation(APP_NAMESPACES);
  const { api } = useAppServices();
  const { state, reload, set } = useResource("settings", async () => {
    const [settings, upcoming, { consents }] = await Promise.all([api.settings(), api.upcoming(), api.consents()]);
    return { settings, upcoming, consents };
  });
  const [notice, setNotice] = useState<{ tone: "success" | "warning"; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  // "My data" is read (and the read audited) only when the citizen asks for it.
  const [data, setData] = useState<MyData | null>(null);

  if (state.status !== "ready") {
    return (
      <Page className="page page--with-nav" data-testid="settings-page">
        <PageHeader title={t("settings.title")} />
        <main className="page-body">{state.status === "loading" ? <LoadingState text={t("session.loading")} /> : <ErrorState error={state.error} onRetry={() => void reload()} />}</main>
        <BottomNav />
      </Page>
    );
  }
  const { settings, upcoming, consents } = state.data;

  const save = async (patch: UpdateSettings) => {
    setBusy(true);
    setNotice(null);
    // Shown at once (a tap must answer on a slow network); put back if the server says no.
    const before = state.data;
    set({ ...before, settings: { ...settings, ...patch, services: { ...settings.services, ...patch.services }, channels: { ...settings.channels, ...patch.channels } } });
    try {
      const next: Settings = await api.updateSettings(patch);
      set({ ...state.data, settings: next });
      if (patch.language) await i18n.changeLanguage(patch.language);
      setNotice({ tone: "success", text: t("settings.saved") });
    } catch (raw) {
      const err = toApiError(raw);
      set(before);
      setNotice({ tone: "warning", text: err.fields.some((f) => f.path === "channels") ? t("settings.atLeastOne") : errorText(t, err) });
    } finally {
      setBusy(false);
    }
  };
  const withdraw = async (consentId: string) => {
    setBusy(true);
    setNotice(null);
    try {
      await api.withdrawConsent(consentId);
      await reload({ silent: true });
      setNotice({ tone: "success", text: t("settings.withdrawDone") });
    } catch (raw) {
      const err = toApiError(raw);
      setNotice({ tone: "warning", text: err.code === "already_submitted" ? t("settings.withdrawTooLate") : errorText(t, err) });
    } finally {
      setBusy(false);
    }
  };
  const download = async () => {
    setBusy(true);
    setNotice(null);
    let d: MyData;
    try {
      d = await api.myData();
    } catch (raw) {
      setNotice({ tone: "warning", text: errorText(t, toApiError(raw)) });
      return;
    } finally {
      setBusy(false);
    }
    setData(d);
    const url = URL.createObjectURL(new Blob([JSON.stringify(d, null, 2)], { type: "application/json" }));
    const a = document.createElement("a");
    a.href = url;
    a.download = "du-lieu-cua-toi.json";
    a.click();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  };
  // The services the citizen hears about: those of their own documents, drafts and children.
  const services = new Map(upcoming.items.map((i) => [i.serviceKey, i.kind === "vaccination" ? { vi: t("settings.vaccinationService"), en: t("settings.vaccinationService") } : i.serviceName]));
  for (const key of Object.keys(settings.services)) if (!services.has(key)) services.set(key, { vi: key, en: key });

  return (
    <Page className="page page--with-nav" data-testid="settings-page">
      <PageHeader title={t("settings.title")} />
      <main className="page-body">
        <h1 className="heading">{t("settings.title")}</h1>
        <div aria-live="polite">{notice && <Notice tone={notice.tone} testId="settings-notice">{notice.text}</Notice>}</div>

        <section className="card" aria-labelledby="settings-language">
          <h2 id="settings-language" className="card__title">
            {t("settings.language")}
          </h2>
          {(["vi", "en"] as const).map((lang) => (
            <Choice key={lang} type="radio" name="language" checked={settings.language === lang} disabled={busy} onChange={() => void save({ language: lang })} testId={`settings-language-${lang}`} lang={lang}>
              {t(`settings.languages.${lang}`)}
            </Choice>
          ))}
        </section>

        <section className="card" aria-labelledby="settings-notifications">
          <h2 id="settings-notifications" className="card__title">
            {t("settings.notifications")}
          </h2>
          <p className="muted">{t("settings.notificationsIntro")}</p>
          <Choice checked={settings.optedOut} disabled={busy} onChange={(on) => void save({ optedOut: on })} testId="settings-opt-out">
            {t("settings.optOut")}
          </Choice>
          <fieldset disabled={settings.optedOut || busy}>
            <legend className="field__label">{t("settings.channels")}</legend>
            {CHANNELS.map((c) => (
              <Choice key={c} checked={settings.channels[c] !== false} onChange={(on) => void save({ channels: { [c]: on } })} testId={`settings-channel-${c}`}>
                {t(`settings.channelNames.${c}`)}
              </Choice>
            ))}
          </fieldset>
          {services.size > 0 && (
            <fieldset disabled={settings.optedOut || busy}>
              <legend className="field__label">{t("settings.services")}</legend>
              {[...services].map(([key, name]) => (
                <Choice key={key} checked={settings.services[key] !== false} onChange={(on) => void save({ services: { [key]: on } })} testId={`settings-service-${key}`}>
                  {localised(name, i18n.language)}
                </Choice>
              ))}
            </fieldset>
          )}
        </section>

        <section className="card" aria-labelledby="settings-consents">
          <h2 id="settings-consents" className="card__title">
            {t("settings.consents")}
          </h2>
          {consents.length === 0 ? (
            <p className="muted">{t("settings.consentsEmpty")}</p>
          ) : (
            <ul className="plain-list" data-testid="settings-consents">
              {consents.map((c) => (
                <li key={c.id} data-testid="settings-consent" data-voided={c.voidedAt !== null}>
                  {t("settings.consentItem", { date: formatInstant(c.consentedAt) })}{" "}
                  {c.voidedAt ? (
                    <span className="status-pill">{t("settings.withdrawn")}</span>
                  ) : (
                    <Button size="small" variant="secondary" disabled={busy} onClick={() => void withdraw(c.id)} data-testid="settings-withdraw">
                      {t("settings.withdraw")}
                    </Button>
                  )}
                </li>
              ))}
            </ul>
          )}
        </section>

        <section className="card" aria-labelledby="settings-my-data">
          <h2 id="settings-my-data" className="card__title">
            {t("settings.myData")}
          </h2>
          <p>{t("settings.myDataIntro")}</p>
          {data && (
            <p data-testid="my-data-summary">
              {t("settings.summary", { persons: data.persons.length, documents: data.documents.length, drafts: data.drafts.length, messages: data.messages.length })}
            </p>
          )}
          <Button variant="secondary" fullWidth size="large" loading={busy} disabled={busy} onClick={() => void download()} data-testid="my-data-download">
            {busy ? t("settings.downloading") : t("settings.download")}
          </Button>
        </section>
      </main>
      <BottomNav />
    </Page>
  );
}
