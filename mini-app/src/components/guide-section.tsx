import { useTranslation } from "react-i18next";
import type { ProcedureGuidance } from "@hccd/shared/client";
import { APP_NAMESPACES } from "../i18n/app-t";
import { localised } from "../i18n/localised";

export type GuideLine = ProcedureGuidance["fee"];

/** One section of a procedure's guidance, each line with the text it rests on (an unsourced line says "as the receiving agency advises" itself). */
export function GuideSection(props: { title: string; lines: readonly GuideLine[]; testId: string }) {
  const { t, i18n } = useTranslation(APP_NAMESPACES);
  return (
    <section className="card" data-testid={props.testId}>
      <h2 className="card__title">{props.title}</h2>
      <ul className="plain-list">
        {props.lines.map((l, i) => (
          <li key={i}>
            <span>{localised(l, i18n.language)}</span>
            {l.source && <span className="muted source"> {t("guidance.source", { source: l.source })}</span>}
          </li>
        ))}
      </ul>
    </section>
  );
}
