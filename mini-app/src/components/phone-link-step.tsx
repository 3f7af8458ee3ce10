import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Button } from "zmp-ui";
import { APP_NAMESPACES } from "../i18n/app-t";
import { errorText } from "../i18n/error-text";
import { toApiError } from "../services/api-error";
import { useAppServices } from "../session/app-services-context";
import { useProfile } from "../session/profile-context";
import { useToast } from "../hooks/use-toast";
import { DevPhoneForm } from "./dev-phone-form";
import { HotlineButton } from "./hotline-button";
import { Notice } from "./notice";

type Step =
  | { kind: "intro" }
  | { kind: "asking" }
  | { kind: "linking" }
  /** The user said no to Zalo's prompt, or Zalo failed: explain, offer a retry and the hotline. */
  | { kind: "refused" }
  | { kind: "unavailable" }
  | { kind: "dev" }
  | { kind: "error"; message: string };

/**
 * Links the citizen's phone number, which is how the server knows they are a parent named on the
 * birth certificate. Asks only here, explains why first, and works when the answer is no.
 */
/** Why the phone is asked for: to show a child's birth draft to its parent, or to find what the citizen holds. */
export type PhoneReason = "parent" | "holder";

export function PhoneLinkStep(props: { reason?: PhoneReason } = {}) {
  const holder = props.reason === "holder";
  const { t } = useTranslation(APP_NAMESPACES);
  const { api, zalo, devIdentity } = useAppServices();
  const { setProfile } = useProfile();
  const toast = useToast();
  const [step, setStep] = useState<Step>({ kind: "intro" });

  const link = async (phoneToken: string) => {
    setStep({ kind: "linking" });
    try {
      const profile = await api.linkPhone(phoneToken);
      toast(t("phone.linked", { phone: profile.phoneMasked ?? "" }));
      setProfile(profile);
    } catch (err) {
      const e = toApiError(err);
      // 422 here means the one-time token was refused (expired after 2 minutes, or used twice).
      setStep({ kind: "error", message: e.code === "validation_failed" ? t("phone.expired") : errorText(t, e) });
    }
  };

  const ask = async () => {
    setStep({ kind: "asking" });
    const r = await zalo.phoneNumberToken();
    if (r.ok) return link(r.value);
    if (r.reason === "unavailable") setStep({ kind: devIdentity ? "dev" : "unavailable" });
    else if (r.reason === "denied") setStep({ kind: "refused" });
    // Zalo did not answer (network, timeout, an SDK error): worth a retry, not a refusal.
    else setStep({ kind: "error", message: t("phone.failed") });
  };

  const busy = step.kind === "asking" || step.kind === "linking";
  return (
    <section className="card phone-step" aria-labelledby="phone-step-title" data-testid="phone-step" data-step={step.kind}>
      <h2 id="phone-step-title" className="card__title">
        {holder ? t("phone.titleHolder") : t("phone.title")}
      </h2>
      <p>{holder ? t("phone.whyHolder") : t("phone.why")}</p>
      {step.kind === "intro" && <p className="muted">{t("phone.next")}</p>}

      {step.kind === "refused" && (
        <Notice tone="warning" testId="phone-refused">
          <strong>{t("phone.refusedTitle")}</strong>
          <br />
          {holder ? t("phone.refusedHolder") : t("phone.refused")}
        </Notice>
      )}
      {step.kind === "unavailable" && (
        <Notice tone="warning" testId="phone-unavailable">
          {t("phone.unavailable")}
        </Notice>
      )}
      {step.kind === "error" && (
        <Notice tone="warning" testId="phone-error">
          {step.message}
        </Notice>
      )}
      {step.kind === "linking" && <p role="status">{t("phone.linking")}</p>}

      {step.kind !== "dev" && step.kind !== "unavailable" && (
        <Button fullWidth size="large" loading={busy} disabled={busy} onClick={() => void ask()} data-testid="link-phone-button">
          {step.kind === "refused" || step.kind === "error" ? t("actions.retry") : t("phone.button")}
        </Button>
      )}
      {(step.kind === "refused" || step.kind === "error" || step.kind === "unavailable") && <HotlineButton />}
      {step.kind === "dev" && devIdentity && <DevPhoneForm devIdentity={devIdentity} onToken={(token) => void link(token)} />}
    </section>
  );
}
