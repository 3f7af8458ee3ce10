import type { ReactNode } from "react";

export type NoticeTone = "info" | "success" | "warning";

/** An inline message that stays on screen (a snackbar disappears before a slow reader is done). */
export function Notice(props: { tone: NoticeTone; children: ReactNode; testId?: string }) {
  return (
    <div className={`notice notice--${props.tone}`} role={props.tone === "warning" ? "alert" : "status"} data-testid={props.testId}>
      {props.children}
    </div>
  );
}
