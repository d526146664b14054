import { describe, expect, it } from 'vitest';
import { setAutoFreeze } from '../../model/kernel/immer.ts';
import type { AnyModel } from '../../model/kernel/model.ts';
import { Codec } from '../../properties/engine/codec.ts';
import { Fingerprinter } from '../../properties/engine/fingerprint.ts';
import { suites } from '../../properties/registry.ts';

/** States of a walk through a model that takes the (step mod n)-th enabled event each step. */
function walk(model: AnyModel, configName: string, steps: number): object[] {
  setAutoFreeze(false);
  const system = model.bind(model.configs[configName]);
  const states: object[] = [];
  let state = system.init as object;
  let seed = 12345;
  for (let i = 0; i < steps; i++) {
    const enabled = system.vocabulary.filter((e) => system.isEnabled(state as never, e));
    if (enabled.length === 0) {
      state = system.init as object;
      continue;
    }
    seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
    state = system.reduce(state as never, enabled[seed % enabled.length]!) as object;
    states.push(state);
  }
  return states;
}

function fingerprint(state: object): [number, number] {
  const fp = new Fingerprinter();
  fp.fingerprint(state);
  return [fp.h1, fp.h2];
}

describe('engine: packed frontier states', () => {
  for (const suite of suites) {
    const model = suite.model as AnyModel;
    it(`should unpack every state of a ${model.id} walk to the same keys, order, values and fingerprint`, () => {
      const codec = new Codec();
      const states = walk(model, Object.keys(model.configs)[0]!, 3_000);
      expect(states.length).toBeGreaterThan(2_000);
      const packed = states.map((s) => codec.pack(s));
      for (let i = 0; i < states.length; i++) {
        const back = codec.unpack(packed[i]!);
        expect(JSON.stringify(back)).toBe(JSON.stringify(states[i]));
        expect(back).toStrictEqual(states[i]);
        expect(fingerprint(back)).toEqual(fingerprint(states[i]!));
      }
      // Far smaller than the state written out.
      expect(packed[packed.length - 1]!.length * 4).toBeLessThan(
        JSON.stringify(states[states.length - 1]).length,
      );
    });
  }

  it('should keep null, undefined, booleans, empty and nested containers and key order', () => {
    const codec = new Codec();
    const states = [
      { b: 1, a: null, c: undefined, d: [[], {}, [true, false]], e: { z: 'a', y: 'b' } },
      { a: null, b: 1, c: [undefined, 0, -1.5, ''], d: { '0': 'x', k: { k: { k: [1] } } } },
      { b: 1, a: null, c: undefined, d: [[], {}, [false, true]], e: { y: 'b', z: 'a' } },
    ];
    for (const state of states) {
      const back = codec.unpack(codec.pack(state));
      expect(back).toStrictEqual(state);
      expect(JSON.stringify(back)).toBe(JSON.stringify(state));
      expect(Object.keys((back as { e?: object }).e ?? {})).toEqual(
        Object.keys((state as { e?: object }).e ?? {}),
      );
    }
  });

  it('should write codes past 0xfffe in three units and read them back', () => {
    const codec = new Codec();
    const states = Array.from({ length: 70_000 }, (_, i) => ({ n: i, s: [`v${i}`] }));
    const packed = states.map((s) => codec.pack(s));
    expect(codec.size).toBeGreaterThan(0x1ffff);
    expect(packed[0]!.length).toBe(4);
    expect(packed[69_999]!.length).toBe(8);
    for (const i of [0, 1, 32_766, 32_767, 32_768, 65_534, 65_535, 65_536, 69_999])
      expect(codec.unpack(packed[i]!)).toEqual(states[i]);
  });

  it('should refuse a state packed by another codec in one line', () => {
    const writer = new Codec();
    writer.pack({ a: 1 });
    const packed = writer.pack({ b: [2, 3, 4], c: { d: 'e' } });
    const reader = new Codec();
    reader.pack({ a: 1 });
    expect(() => reader.unpack(packed)).toThrow(
      'a packed state was read back by a codec other than the one that wrote it',
    );
  });
});
