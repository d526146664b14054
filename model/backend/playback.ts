/**
 * Playback: a user asks a SpeechMiner UI instance (an N+1 pool) to play a recording that Web
 * Services knows; the UI has a Recording Crypto Server (an active-active pair: the first that
 * answers) decrypt it with the private key matching the certificate the recording's IVR
 * Profile named when MCP encrypted it.
 *
 * Source: GIR "High Availability" › Recording Crypto Server ("runs in active-active pair mode"),
 * SpeechMiner ("SpeechMiner UI—You can deploy N+1 active instances"); domain notes §3.2
 * "Encryption / RCS" (public keys in the IVR Profile's `recording-certificates` annex, private
 * keys in the Crypto Server's key store).
 */
import type { Draft } from 'immer';
import { firstUp } from '../kernel/n-plus-one.ts';
import { profileOf } from '../recording/state.ts';
import type { Context, Decls, EventOf } from './context.ts';
import { segmentOf } from './pipeline.ts';
import { type BackendState, CRYPTO_SERVERS, type RcsId, type SegKey } from './state.ts';

/** The key MCP encrypted a segment with: the one its IVR Profile's certificate names. */
export function encryptionKey(state: BackendState, seg: SegKey, ctx: Context): string {
  const segment = segmentOf(state, seg);
  return segment === undefined
    ? 'none'
    : (ctx.config.certificates[profileOf(segment.params)] ?? 'none');
}

/** Decrypts at the given Crypto Server (if any) with the recording's key. */
export function decrypt(
  draft: Draft<BackendState>,
  seg: SegKey,
  rcs: RcsId | undefined,
  ctx: Context,
): void {
  const ui = firstUp(ctx.ui, (u) => draft.ui[u] === 'up');
  const key = encryptionKey(draft, seg, ctx);
  const served = ui !== undefined && rcs !== undefined && draft.crypto[rcs] === 'up';
  draft.playback = {
    seg,
    ui: ui ?? 'none',
    rcs: served ? rcs : 'none',
    key: served && ctx.config.keystore[key] !== undefined ? key : 'none',
  };
}

export function playbackRequested(
  draft: Draft<BackendState>,
  e: EventOf<'playbackRequested'>,
  ctx: Context,
): void {
  decrypt(
    draft,
    e.seg,
    firstUp(CRYPTO_SERVERS, (r) => draft.crypto[r] === 'up'),
    ctx,
  );
}

/** A recording can be played once Web Services has acknowledged its record. */
export function playbackEnabled(state: BackendState, e: EventOf<'playbackRequested'>): boolean {
  return state.acked[e.seg] === true;
}

export const events: Decls<'playbackRequested'> = {
  playbackRequested: {
    kind: 'traffic',
    guard: playbackEnabled,
    handle: playbackRequested,
    label: (e) => `a user plays back ${e.seg}`,
    lifeline: () => ({ from: 'User', to: 'Crypto Server' }),
  },
};
