import pino, { type Logger, type DestinationStream } from "pino";
import { maskDeep, maskPersonalData } from "@hccd/shared";

export type { Logger };

/**
 * JSON logs with ID numbers and phone numbers masked wherever they appear, in the message or in
 * any field (Law 91/2025/QH15: least data). Secrets never reach the logger: headers are not logged.
 */
export function createLogger(opts: { level?: string; destination?: DestinationStream } = {}): Logger {
  return pino(
    {
      level: opts.level ?? "info",
      base: { service: "hccd-bot-server" },
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: {
        level: (label) => ({ level: label }),
        log: (obj) => maskDeep(obj) as Record<string, unknown>,
      },
      hooks: {
        logMethod(args, method) {
          const masked = args.map((a) => (typeof a === "string" ? maskPersonalData(a) : a)) as Parameters<typeof method>;
          method.apply(this, masked);
        },
      },
    },
    opts.destination,
  );
}
