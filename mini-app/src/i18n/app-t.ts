import type { TFunction } from "i18next";

/** The `t` of the app's screens: `app` keys bare (`draft.save`), shared ones prefixed (`common:sex.male`). */
export type AppT = TFunction<["app", "common"]>;

/** The namespaces every screen loads, in the order `AppT` expects. */
export const APP_NAMESPACES = ["app", "common"] as const;
