/**
 * Deep tier: on every config the main job checks of the recording model, the merged verdicts of 4
 * shards equal the unsharded search's. One file a model, so that the tier's two forks share the
 * four (vitest.config.ts starts these long files first).
 */
import { describe } from 'vitest';
import { mergesLikeOneSearch } from './shards.ts';

describe('engine: 4 merged shards give the unsharded verdicts on every checked config', () => {
  mergesLikeOneSearch(['recording']);
});
