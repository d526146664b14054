/**
 * Resource Manager's decisions, as pure functions: which IVR Profile a new session gets, which
 * MCP serves it, and which RM SIP Server sends a request to.
 *
 * Source: GIR "Scalability" ("identifies the tenant coming from SIP Server and selects the
 * appropriate IVR Profile"); domain notes §2.2 (service selection order: parameter, dialed
 * number, tenant default; a request inside an existing session is not re-mapped; logical
 * resource groups balanced by round robin or least used).
 */
import type { CallId } from '../sip-ha/state.ts';
import type { RecordingConfig } from './config.ts';
import type { Context } from './context.ts';
import {
  type McpId,
  mcpOf,
  otherRm,
  type RecordingState,
  type ResourceManager,
  type RmId,
} from './state.ts';

/** The IVR Profile of a new session: the named profile if the tenant owns it, else DNIS, else default. */
export function selectProfile(config: RecordingConfig, index: number): string {
  const request = config.requests[index];
  // Stryker disable next-line StringLiteral,ArithmeticOperator: the message of an error validate() keeps from every config
  if (request === undefined) throw new Error(`no recording request for call ${index + 1}`);
  const tenant = config.tenants[request.tenant];
  // Stryker disable next-line StringLiteral: the message of an error validate() keeps from every config
  if (tenant === undefined) throw new Error(`unknown tenant ${request.tenant}`);
  const named = request.profileParameter;
  if (named !== null && config.profiles[named] === request.tenant) return named;
  return tenant.dialedNumbers[request.dialedNumber] ?? tenant.defaultProfile;
}

/** The recording parameters of a call's session: IVR Profile, tenant and recording target. */
export function recordingParams(config: RecordingConfig, call: CallId): string {
  const index = Number(call.slice(1)) - 1;
  const profile = selectProfile(config, index); // throws when the call has no request
  const tenant = config.requests[index]!.tenant;
  return `${profile}|${tenant}|${config.storage}:${tenant}`;
}

/** Open sessions per MCP in an RM's table. */
function load(rm: ResourceManager, mcp: McpId): number {
  let n = 0;
  for (const value of Object.values(rm.table)) if (mcpOf(value) === mcp) n++;
  return n;
}

/** The MCPs of the group a new session may go to: every one RM believes up, for any tenant. */
export function eligibleMcps(view: Readonly<Record<McpId, 'up' | 'down'>>, ctx: Context): McpId[] {
  return ctx.mcps.filter((m) => view[m] === 'up');
}

/**
 * The MCP an RM selects among the candidates (`eligibleMcps`), by the group's method; undefined
 * when there is none.
 */
export function selectMcp(
  rm: ResourceManager,
  candidates: readonly McpId[],
  ctx: Context,
): McpId | undefined {
  // Stryker disable next-line ConditionalExpression: with no candidates both methods below find none and return undefined as well
  if (candidates.length === 0) return undefined;
  if (ctx.config.balancing === 'least-used') {
    let best = candidates[0]!;
    for (const m of candidates) if (load(rm, m) < load(rm, best)) best = m;
    return best;
  }
  const after = rm.lastMcp === 'none' ? -1 : ctx.mcps.indexOf(rm.lastMcp);
  return candidates.find((m) => ctx.mcps.indexOf(m) > after) ?? candidates[0];
}

/**
 * The RM SIP Server sends a request to: for a new session the next in SIP Server's rotation, for
 * an in-dialog request the RM that accepted the session, or the other one once that one is out
 * of rotation. In active-standby only the RM holding the Virtual IP serves, so the same rule
 * finds it whatever the rotation says.
 */
export function targetRm(state: RecordingState, anchor?: RmId): RmId | undefined {
  const first = anchor ?? state.nextRm;
  if (state.rms[first].serving) return first;
  return state.rms[otherRm(first)].serving ? otherRm(first) : undefined;
}

/** A target RM that is really up: the request reaches it (otherwise SIP Server waits). */
export function reachableRm(state: RecordingState, anchor?: RmId): RmId | undefined {
  const rm = targetRm(state, anchor);
  return rm !== undefined && state.rms[rm].process === 'up' ? rm : undefined;
}
