/**
 * Deep tier: on every config the main job checks of the back end, the merged verdicts of 4
 * shards equal the unsharded search's (the other models' are in shard.deep.test.ts).
 */
import { describe } from 'vitest';
import { mergesLikeOneSearch } from './shards.ts';

describe('engine: 4 merged shards give the unsharded verdicts on every checked config', () => {
  mergesLikeOneSearch(['backend']);
});
