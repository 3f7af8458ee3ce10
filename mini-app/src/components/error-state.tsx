import { useTranslation } from "react-i18next";
import { Button } from "zmp-ui";
import { APP_NAMESPACES } from "../i18n/app-t";
import { errorText } from "../i18n/error-text";
import type { ApiError } from "../services/api-error";
import { HotlineButton } from "./hotline-button";

/** A failure in plain words, with a way forward: try again and, when it may not help, the hotline. */
export function ErrorState(props: { error: ApiError; message?: string; onRetry?: () => void; hotline?: boolean }) {
  const { t } = useTranslation(APP_NAMESPACES);
  return (
    <div className="error-state" role="alert" data-testid="error-state" data-error-code={props.error.code}>
      <p>{props.message ?? errorText(t, props.error)}</p>
      <div className="actions">
        {props.onRetry && (
          <Button fullWidth size="large" onClick={props.onRetry} data-testid="retry-button">
            {t("actions.retry")}
          </Button>
        )}
        {props.hotline && <HotlineButton />}
      </div>
    </div>
  );
}
