/**
 * A Stryker ignorer: no mutant in an event declaration's `label` or `lifeline`, or in a model's
 * `title`. They are what stories, step tables, sequence diagrams and listings print; no model step
 * and no property reads them, so every mutant of them would survive as an equivalent.
 */
import { declareValuePlugin, PluginKind } from '@stryker-mutator/api/plugin';

const PRESENTATION = new Set(['label', 'lifeline', 'title']);

export const strykerPlugins = [
  declareValuePlugin(PluginKind.Ignore, 'presentation', {
    shouldIgnore(path) {
      const isMember = path.isObjectProperty() || path.isObjectMethod();
      if (!isMember || path.node.key.type !== 'Identifier') return undefined;
      return PRESENTATION.has(path.node.key.name)
        ? "an event's label or lifeline, or a model's title: printed, read by no step or property"
        : undefined;
    },
  }),
];
