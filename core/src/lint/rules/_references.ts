// Shared by the rules (not a rule): the references to a symbol, from an index
// built once per model. Quick fixes that rename a symbol ask for them once per
// diagnostic; scanning model.references each time made those rules quadratic.

import type { ArchSymbol, Model, Reference } from "../../semantic/model";

const indexes = new WeakMap<Model, Map<ArchSymbol, Reference[]>>();

/** The references to `symbol`, in model order. */
export function referencesTo(model: Model, symbol: ArchSymbol): readonly Reference[] {
  let index = indexes.get(model);
  if (!index) {
    index = new Map();
    for (const r of model.references) {
      const list = index.get(r.symbol);
      if (list) list.push(r);
      else index.set(r.symbol, [r]);
    }
    indexes.set(model, index);
  }
  return index.get(symbol) ?? [];
}
