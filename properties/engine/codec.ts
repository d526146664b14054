/**
 * Frontier states packed into short strings. A state waiting on a large frontier costs its own
 * objects (1 to 2 KB for the recording path, more once a worker's heap fills with the garbage of
 * a level) where its packed form costs a few hundred bytes and gives the collector nothing to
 * trace. The biggest searches are bounded by memory, so past a budget the expander keeps the
 * frontier packed and unpacks each state when it expands it.
 *
 * A state is written depth first as a sequence of codes, one UTF-16 unit each (a code past
 * 0xfffe takes three): an object or array is the code of its shape (an array's length, an
 * object's keys in order) followed by its children; anything else is the code of the value. The
 * codes are numbered by this codec as it meets them, so a packed state is read back by the codec
 * that wrote it. Unpacking gives plain objects and arrays with the same keys in the same order
 * and the same values: the same state for every model, property and fingerprint.
 */

const ESCAPE = 0xffff;
const FOREIGN = 'a packed state was read back by a codec other than the one that wrote it';

interface Shape {
  readonly code: number;
  /** The keys of an object in order; undefined for an array. */
  readonly keys: readonly string[] | undefined;
  readonly length: number;
}

export class Codec {
  /** What each code stands for: a shape, or (where the shape is undefined) a value. */
  private readonly shapes: (Shape | undefined)[] = [];
  private readonly values: unknown[] = [];
  private readonly valueCodes = new Map<unknown, number>();
  private readonly objectCodes = new Map<string, number>();
  private readonly arrayCodes = new Map<number, number>();
  private readonly out: number[] = [];
  /** The shape last met at each position of the depth-first walk: the first guess next time. */
  private readonly guesses: (Shape | undefined)[] = [];
  private ordinal = 0;
  private at = 0;

  /** Codes handed out so far. */
  get size(): number {
    return this.shapes.length;
  }

  pack(state: object): string {
    const out = this.out;
    out.length = 0;
    this.ordinal = 0;
    this.write(state);
    // In slices: an argument list has a limit.
    if (out.length <= 4096) return String.fromCharCode.apply(null, out);
    let packed = '';
    for (let i = 0; i < out.length; i += 4096)
      packed += String.fromCharCode.apply(null, out.slice(i, i + 4096));
    return packed;
  }

  unpack(packed: string): object {
    this.at = 0;
    const state = this.read(packed);
    if (this.at !== packed.length || typeof state !== 'object' || state === null)
      throw new Error(FOREIGN);
    return state;
  }

  private write(value: unknown): void {
    if (typeof value !== 'object' || value === null) {
      let code = this.valueCodes.get(value);
      if (code === undefined) {
        code = this.add(undefined, value);
        this.valueCodes.set(value, code);
      }
      this.emit(code);
      return;
    }
    const ordinal = this.ordinal++;
    const guess = this.guesses[ordinal];
    if (Array.isArray(value)) {
      let shape = guess;
      if (shape === undefined || shape.keys !== undefined || shape.length !== value.length) {
        shape = this.arrayShape(value.length);
        this.guesses[ordinal] = shape;
      }
      this.emit(shape.code);
      for (let i = 0; i < value.length; i++) this.write(value[i]);
      return;
    }
    let shape = guess;
    if (shape === undefined || shape.keys === undefined || !sameKeys(value, shape.keys)) {
      shape = this.objectShape(Object.keys(value));
      this.guesses[ordinal] = shape;
    }
    this.emit(shape.code);
    const keys = shape.keys!;
    for (let i = 0; i < keys.length; i++) this.write((value as Record<string, unknown>)[keys[i]!]);
  }

  private arrayShape(length: number): Shape {
    let code = this.arrayCodes.get(length);
    if (code === undefined) {
      code = this.size;
      this.add({ code, keys: undefined, length }, undefined);
      this.arrayCodes.set(length, code);
    }
    return this.shapes[code]!;
  }

  private objectShape(keys: readonly string[]): Shape {
    const id = keys.join('\u0000');
    let code = this.objectCodes.get(id);
    if (code === undefined) {
      code = this.size;
      this.add({ code, keys, length: keys.length }, undefined);
      this.objectCodes.set(id, code);
    }
    return this.shapes[code]!;
  }

  private add(shape: Shape | undefined, value: unknown): number {
    this.shapes.push(shape);
    this.values.push(value);
    return this.shapes.length - 1;
  }

  private emit(code: number): void {
    if (code < ESCAPE) this.out.push(code);
    else this.out.push(ESCAPE, code >>> 16, code & 0xffff);
  }

  private read(packed: string): unknown {
    let code = packed.charCodeAt(this.at++);
    if (code === ESCAPE) {
      code = packed.charCodeAt(this.at) * 0x10000 + packed.charCodeAt(this.at + 1);
      this.at += 2;
    }
    if (!(code < this.shapes.length)) throw new Error(FOREIGN);
    const shape = this.shapes[code];
    if (shape === undefined) return this.values[code];
    if (shape.keys === undefined) {
      const array: unknown[] = [];
      for (let i = 0; i < shape.length; i++) array.push(this.read(packed));
      return array;
    }
    const object: Record<string, unknown> = {};
    for (const key of shape.keys) object[key] = this.read(packed);
    return object;
  }
}

/** Whether an object's own enumerable keys are exactly `keys`, in order, without allocating. */
function sameKeys(value: object, keys: readonly string[]): boolean {
  let i = 0;
  for (const key in value) {
    if (keys[i] !== key) return false;
    i++;
  }
  return i === keys.length;
}
