import "i18next";
import type { clientResources } from "@hccd/shared/client";

/** Typed keys: `t("app:draft.save")` is checked against the Vietnamese resources at compile time. */
declare module "i18next" {
  interface CustomTypeOptions {
    defaultNS: "common";
    resources: (typeof clientResources)["vi"];
  }
}
