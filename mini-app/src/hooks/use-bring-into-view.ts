import { useEffect, useRef } from "react";
import type { DraftView, FieldError } from "@hccd/shared/client";
import { fieldInputId } from "../components/field-input-id";

/**
 * Messages appear where the citizen is looking: a notice (conflict, success) is scrolled into view,
 * since the buttons that cause it sit far below it; after a refused save, the first field in error
 * is focused instead. Returns the ref for the notice's container.
 */
export function useBringIntoView(review: { notice: unknown; fieldErrors: Record<string, FieldError>; view: DraftView | null }) {
  const noticeRef = useRef<HTMLDivElement>(null);
  const { notice, fieldErrors, view } = review;
  useEffect(() => {
    const firstInvalid = view?.fields.find((f) => f.key in fieldErrors);
    if (firstInvalid) {
      const input = document.getElementById(fieldInputId(firstInvalid.key));
      input?.focus({ preventScroll: true });
      input?.scrollIntoView({ block: "center" });
    } else if (notice) {
      noticeRef.current?.scrollIntoView({ block: "start" });
    }
    // Only when a new message arrives, not when polling refreshes the draft underneath it.
  }, [notice, fieldErrors]);
  return noticeRef;
}
