import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Button, Page } from "zmp-ui";
import { NOTIFICATION_CHANNELS, type MyData, type Settings, type UpdateSettings } from "@hccd/shared/client";
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

/**
 * Language, what to be reminded of and how, the consents given (and taking them back), and
 * "my data": everything held about the citizen, to read and to download.
 */
export function SettingsPage() {
  const { t, i18n } = useTranslation(APP_NAMESPACES);
  const { api } = useAppServices();
  const { state, reload, set } = useResource("settings", async () => {
    const [settings, upcoming, data] = await Promise.all([api.settings(), api.upcoming(), api.myData()]);
    return { settings, upcoming, data };
  });
  const [notice, setNotice] = useState<{ tone: "success" | "warning"; text: string } | null>(null);
  const [busy, setBusy] = useState(false);

  if (state.status !== "ready") {
    return (
      <Page className="page page--with-nav" data-testid="settings-page">
        <PageHeader title={t("settings.title")} />
        <main className="page-body">{state.status === "loading" ? <LoadingState text={t("session.loading")} /> : <ErrorState error={state.error} onRetry={() => void reload()} />}</main>
        <BottomNav />
      </Page>
    );
  }
  const { settings, upcoming, data } = state.data;

  const save = async (patch: UpdateSettings) => {
    setBusy(true);
    setNotice(null);
    try {
      const next: Settings = await api.updateSettings(patch);
      set({ ...state.data, settings: next });
      if (patch.language) await i18n.changeLanguage(patch.language);
      setNotice({ tone: "success", text: t("settings.saved") });
    } catch (raw) {
      const err = toApiError(raw);
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
  const download = (d: MyData) => {
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
            <label key={lang} className="choice">
              <input type="radio" name="language" checked={settings.language === lang} disabled={busy} onChange={() => void save({ language: lang })} data-testid={`settings-language-${lang}`} />
              <span lang={lang}>{t(`settings.languages.${lang}`)}</span>
            </label>
          ))}
        </section>

        <section className="card" aria-labelledby="settings-notifications">
          <h2 id="settings-notifications" className="card__title">
            {t("settings.notifications")}
          </h2>
          <p className="muted">{t("settings.notificationsIntro")}</p>
          <label className="choice">
            <input type="checkbox" checked={settings.optedOut} disabled={busy} onChange={(e) => void save({ optedOut: e.target.checked })} data-testid="settings-opt-out" />
            <span>{t("settings.optOut")}</span>
          </label>
          <fieldset disabled={settings.optedOut || busy}>
            <legend className="field__label">{t("settings.channels")}</legend>
            {NOTIFICATION_CHANNELS.map((c) => (
              <label key={c} className="choice">
                <input type="checkbox" checked={settings.channels[c] !== false} onChange={(e) => void save({ channels: { [c]: e.target.checked } })} data-testid={`settings-channel-${c}`} />
                <span>{t(`settings.channelNames.${c}`)}</span>
              </label>
            ))}
          </fieldset>
          {services.size > 0 && (
            <fieldset disabled={settings.optedOut || busy}>
              <legend className="field__label">{t("settings.services")}</legend>
              {[...services].map(([key, name]) => (
                <label key={key} className="choice">
                  <input type="checkbox" checked={settings.services[key] !== false} onChange={(e) => void save({ services: { [key]: e.target.checked } })} data-testid={`settings-service-${key}`} />
                  <span>{localised(name, i18n.language)}</span>
                </label>
              ))}
            </fieldset>
          )}
        </section>

        <section className="card" aria-labelledby="settings-consents">
          <h2 id="settings-consents" className="card__title">
            {t("settings.consents")}
          </h2>
          {data.consents.length === 0 ? (
            <p className="muted">{t("settings.consentsEmpty")}</p>
          ) : (
            <ul className="plain-list" data-testid="settings-consents">
              {data.consents.map((c) => (
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
          <p data-testid="my-data-summary">
            {t("settings.summary", { persons: data.persons.length, documents: data.documents.length, drafts: data.drafts.length, messages: data.messages.length })}
          </p>
          <Button variant="secondary" fullWidth size="large" onClick={() => download(data)} data-testid="my-data-download">
            {t("settings.download")}
          </Button>
        </section>
      </main>
      <BottomNav />
    </Page>
  );
}
