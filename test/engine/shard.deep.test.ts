/**
 * Deep tier: on every config the main job checks of the SIP Server pair, Business Continuity and
 * the recording path, the merged verdicts of 4 shards equal the unsharded search's (the back
 * end's configs are in shard-backend.deep.test.ts, so that the two files share the cores).
 */
import { describe } from 'vitest';
import { mergesLikeOneSearch } from './shards.ts';

describe('engine: 4 merged shards give the unsharded verdicts on every checked config', () => {
  mergesLikeOneSearch(['sip-ha', 'bc', 'recording']);
});
