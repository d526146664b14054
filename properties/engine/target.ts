/**
 * What a worker thread needs to rebuild a search target on its own: a module to import and the
 * name of a function there that turns a plain argument into a model, a config and properties.
 */
import type { Model, ModelEvent } from '../../model/kernel/model.ts';
import type { Property } from './property.ts';

export interface TargetSpec {
  /** File URL of the module that exports the loader. */
  readonly module: string;
  readonly exportName: string;
  /** Structured-cloneable argument of the loader, e.g. { model, variant, config }. */
  readonly arg: unknown;
}

export interface Target<S = unknown, E extends ModelEvent = ModelEvent> {
  readonly model: Model<unknown, S, E>;
  readonly config: unknown;
  readonly properties: readonly Property<S, E>[];
}

export async function loadTarget(spec: TargetSpec): Promise<Target<object>> {
  const module = (await import(spec.module)) as Record<string, unknown>;
  const loader = module[spec.exportName];
  if (typeof loader !== 'function')
    throw new Error(`${spec.module} exports no function '${spec.exportName}'`);
  return (await loader(spec.arg)) as Target<object>;
}
