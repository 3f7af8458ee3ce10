import { useCallback, useEffect, useRef, useState } from "react";
import { toApiError, type ApiError } from "../services/api-error";

export type Resource<T> =
  | { status: "loading" }
  /** `refreshing`: a newer copy is being fetched; `stale`: the data is a copy kept from an earlier open. */
  | { status: "ready"; data: T; refreshing: boolean; stale?: boolean }
  | { status: "error"; error: ApiError };

/**
 * Loads `load()` when `key` changes; `reload({silent})` keeps showing the current data while it
 * refreshes (polling, refresh buttons). Answers that arrive after a newer request are dropped.
 * `stale()`, when given, is a copy kept from an earlier open: shown (as refreshing) only while the
 * first load of this key is still on its way; if that load fails, the error replaces the copy.
 */
export function useResource<T>(key: string, load: () => Promise<T>, opts: { stale?: () => Promise<T | null> } = {}) {
  const [state, setState] = useState<Resource<T>>({ status: "loading" });
  const seq = useRef(0);
  const loadRef = useRef(load);
  loadRef.current = load;
  const staleRef = useRef(opts.stale);
  staleRef.current = opts.stale;

  /** Resolves to the error of a failed silent refresh (the data stays on screen), else null. */
  const reload = useCallback(async (opts: { silent?: boolean } = {}): Promise<ApiError | null> => {
    const mine = ++seq.current;
    setState((s) => (opts.silent && s.status === "ready" ? { ...s, refreshing: true } : { status: "loading" }));
    try {
      const data = await loadRef.current();
      if (mine === seq.current) setState({ status: "ready", data, refreshing: false });
      return null;
    } catch (err) {
      if (mine !== seq.current) return null;
      const error = toApiError(err);
      // A failed silent refresh keeps the data on screen; the caller decides whether to say so.
      setState((s) => (opts.silent && s.status === "ready" ? { ...s, refreshing: false } : { status: "error", error }));
      return opts.silent ? error : null;
    }
  }, []);

  /** Replaces the data with a newer copy the caller already has (e.g. the answer to a PATCH). */
  const set = useCallback((data: T) => {
    seq.current++;
    setState({ status: "ready", data, refreshing: false });
  }, []);

  useEffect(() => {
    void reload();
    const first = seq.current;
    void staleRef.current?.().then((data) => {
      if (data === null || first !== seq.current) return;
      setState((s) => (s.status === "loading" ? { status: "ready", data, refreshing: true, stale: true } : s));
    }, () => undefined);
    return () => {
      seq.current++;
    };
  }, [key, reload]);

  return { state, reload, set };
}
