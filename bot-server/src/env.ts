import type { ZaloUser } from "./services/citizens/zalo-users.js";
import type { MachineClient } from "./services/integrations/machine-clients.js";
import type { StaffUser } from "./services/staff/staff-auth.js";
import type { Logger } from "./logger.js";

/** Context variables, typed once (Hono's pattern). */
export type AppEnv = {
  Variables: {
    requestId: string;
    log: Logger;
    /** Set by the machine-client auth middleware. */
    client: MachineClient;
    /** Set by the citizen auth middleware: the Zalo user behind the access token. */
    citizen: ZaloUser;
    citizenAccessToken: string;
    /** Set by the staff auth middleware. */
    staff: StaffUser;
    staffToken: string;
  };
};
