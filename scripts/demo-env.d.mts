/** See demo-env.mjs: the backend's environment under `pnpm start`. */
export function demoEnv(env: Record<string, string | undefined>, at: { root: string; backendPort: string; appUrl: string; backendUrl: string }): Record<string, string | undefined>;
