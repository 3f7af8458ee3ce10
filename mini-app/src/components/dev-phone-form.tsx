import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { Button, Input } from "zmp-ui";
import { normalizeVnPhone } from "@hccd/shared/client";
import { APP_NAMESPACES } from "../i18n/app-t";
import { errorText } from "../i18n/error-text";
import { toApiError } from "../services/api-error";
import type { DevIdentity } from "../services/dev-identity";

/**
 * Test environment only (a dev host outside Zalo): stands in for Zalo's phone-number prompt by
 * turning a typed number into a simulator phone token. Clearly labelled so nobody mistakes it for
 * the real flow.
 */
export function DevPhoneForm(props: { devIdentity: DevIdentity; onToken: (phoneToken: string) => void }) {
  const { t } = useTranslation(APP_NAMESPACES);
  const [phone, setPhone] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const check = normalizeVnPhone(phone);
    if (!check.ok) {
      setError(t("devPhone.invalid"));
      return;
    }
    setError(null);
    setBusy(true);
    try {
      props.onToken(await props.devIdentity.phoneToken(check.value));
    } catch (err) {
      setError(errorText(t, toApiError(err)));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="dev-box" onSubmit={(e) => void submit(e)} data-testid="dev-phone-form" noValidate>
      <p className="dev-box__badge">{t("devPhone.badge")}</p>
      <p>{t("devPhone.explain")}</p>
      <label className="field__label" htmlFor="dev-phone-input">
        {t("devPhone.label")}
      </label>
      <Input
        id="dev-phone-input"
        type="text"
        inputMode="tel"
        autoComplete="off"
        value={phone}
        placeholder={t("devPhone.placeholder")}
        status={error ? "error" : undefined}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? "dev-phone-error" : undefined}
        onChange={(e) => setPhone(e.target.value)}
        data-testid="dev-phone-input"
      />
      {error && (
        <p id="dev-phone-error" className="field__error" role="alert" data-testid="dev-phone-error">
          {error}
        </p>
      )}
      <Button htmlType="submit" fullWidth size="large" variant="secondary" loading={busy} disabled={busy} data-testid="dev-phone-submit">
        {t("devPhone.submit")}
      </Button>
    </form>
  );
}
