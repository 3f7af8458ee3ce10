import { useEffect, useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { Button, Input } from "zmp-ui";
import { formatVnPhone, normalizeVnPhone } from "@hccd/shared/client";
import { APP_NAMESPACES } from "../i18n/app-t";
import { errorText } from "../i18n/error-text";
import { toApiError } from "../services/api-error";
import type { DevAccount, DevIdentity } from "../services/dev-identity";

/**
 * Test environment only (a dev host outside Zalo): stands in for Zalo's phone-number prompt. In
 * Zalo, sharing the phone is our button and Zalo's "Allow", and Zalo shares the number of the
 * account the citizen is signed in with; here the simulated accounts of the demo are offered, one
 * tap each, so the same journey takes the same taps. Any other number can be typed. Clearly
 * labelled so nobody mistakes it for the real flow.
 */
export function DevPhoneForm(props: { devIdentity: DevIdentity; onToken: (phoneToken: string) => void }) {
  const { t } = useTranslation(APP_NAMESPACES);
  const [phone, setPhone] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [accounts, setAccounts] = useState<DevAccount[]>([]);
  const { devIdentity } = props;

  useEffect(() => {
    let live = true;
    void devIdentity.accounts().then((a) => live && setAccounts(a));
    return () => {
      live = false;
    };
  }, [devIdentity]);

  /** `phone84`: a checked number in the `84…` form. */
  const share = async (phone84: string) => {
    setError(null);
    setBusy(true);
    try {
      props.onToken(await devIdentity.phoneToken(phone84));
    } catch (err) {
      setError(errorText(t, toApiError(err)));
    } finally {
      setBusy(false);
    }
  };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const check = normalizeVnPhone(phone);
    if (!check.ok) {
      setError(t("devPhone.invalid"));
      return;
    }
    void share(check.value);
  };

  return (
    <div className="dev-box" data-testid="dev-phone-form">
      <p className="dev-box__badge">{t("devPhone.badge")}</p>
      <p>{t("devPhone.explain")}</p>
      {accounts.length > 0 && (
        <ul className="dev-box__accounts" aria-label={t("devPhone.accounts")}>
          {accounts.map((a) => (
            <li key={a.phone}>
              <Button fullWidth size="large" loading={busy} disabled={busy} onClick={() => void share(a.phone)} data-testid={`dev-phone-account-${a.phone}`}>
                {t("devPhone.share", { phone: formatVnPhone(a.phone), name: a.name })}
              </Button>
            </li>
          ))}
        </ul>
      )}
      <form onSubmit={submit} noValidate>
        <label className="field__label" htmlFor="dev-phone-input">
          {accounts.length > 0 ? t("devPhone.labelOther") : t("devPhone.label")}
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
    </div>
  );
}
