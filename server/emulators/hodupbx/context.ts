import type http from 'node:http';
import type { EmulatorClock, EmulatorRequest } from '../kit';
import type { HoduCalls } from './calls';
import type { HoduState, HoduTenant } from './fixtures';
import type { Principal } from './wire';

/** What every route handler gets: the live state, the call engine, and the PBX's zone. */
export interface HoduCtx {
  state: HoduState;
  calls: HoduCalls;
  clock: EmulatorClock;
  timeZone: string;
}

/** Path variables: `{userType}` and the `{startDate}/{endDate}` of callLog and getPayment. */
export interface RouteParams {
  userType?: string;
  start?: string;
  end?: string;
}

export type Handler = (ctx: HoduCtx, req: EmulatorRequest, res: http.ServerResponse, params: RouteParams) => void;

/** The tenant a TENANT principal is; undefined for ADMIN. */
export const tenantOf = (who: Principal): HoduTenant | undefined => (who.kind === 'TENANT' ? who.tenant : undefined);
