import { useCallback, useMemo } from "react";
import type { Ward } from "@hccd/shared/client";
import { useAppServices } from "../session/app-services-context";
import { useResource } from "./use-resource";

/** Wards of the province (the registration-place picker), and a code → name lookup. */
export function useWards() {
  const { api } = useAppServices();
  const { state, reload } = useResource("wards", () => api.wards().then((r) => r.wards));
  const wards: readonly Ward[] = state.status === "ready" ? state.data : [];
  const names = useMemo(() => new Map(wards.map((w) => [w.code, w.name])), [wards]);
  const wardName = useCallback((code: string) => names.get(code) ?? null, [names]);
  return { state, wards, wardName, reload };
}

export type WardsState = ReturnType<typeof useWards>;
