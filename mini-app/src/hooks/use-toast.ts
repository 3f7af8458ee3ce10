import { createElement, useCallback } from "react";
import { useSnackbar } from "zmp-ui";

/**
 * A short confirmation ("saved"). zmp-ui's typed snackbars draw their icon with an icon font
 * served from Zalo's CDN, which does not load outside Zalo, so the tick is an inline SVG.
 */
export function useToast(): (text: string) => void {
  const { openSnackbar } = useSnackbar();
  return useCallback(
    (text: string) =>
      openSnackbar({
        text,
        type: "success",
        // At the top: the actions (save bar, consent) sit at the bottom and must stay reachable.
        position: "top",
        duration: 3000,
        prefixIcon: createElement(
          "svg",
          { width: 20, height: 20, viewBox: "0 0 24 24", "aria-hidden": true, focusable: false },
          createElement("path", { d: "M5 12.5l4.5 4.5L19 7.5", fill: "none", stroke: "currentColor", strokeWidth: 2.6, strokeLinecap: "round", strokeLinejoin: "round" }),
        ),
      }),
    [openSnackbar],
  );
}
