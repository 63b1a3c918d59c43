import * as z from "zod/mini";

type Schema = z.ZodMiniType;

const cache = new WeakMap<Schema, Schema>();

/**
 * A copy of a `discord-api-spec/zod` schema in which every object rejects unknown keys.
 *
 * `setStrictObject(true)` cannot do this: the package builds all its schemas when it is first imported, so the
 * switch only affects objects built later, i.e. none. Zod captures `catchall` when a schema is constructed, so
 * mutating the definitions does not work either; we clone each object with `catchall: never()` and rebuild
 * every wrapper (lazy, optional, nullable, array, union, record, intersection) around the strict copies.
 * Lazy getters stay lazy, which keeps the recursive schemas (components, errors) finite.
 */
export function strictCopy(schema: Schema): Schema {
  const hit = cache.get(schema);
  if (hit) return hit;
  const def = schema._zod.def;
  let copy: Schema;
  switch (def.type) {
    case "object": {
      const d = def as z.core.$ZodObjectDef;
      const shape: Record<string, Schema> = {};
      for (const [key, value] of Object.entries(d.shape)) shape[key] = strictCopy(value as Schema);
      const next: z.core.$ZodObjectDef = { ...d, shape, catchall: z.never() };
      copy = schema.clone(next);
      break;
    }
    case "lazy": {
      const d = def as z.core.$ZodLazyDef;
      let resolved: Schema | undefined;
      const next: z.core.$ZodLazyDef = {
        ...d,
        getter: () => (resolved ??= strictCopy(d.getter() as Schema)),
      };
      copy = schema.clone(next);
      break;
    }
    case "optional":
    case "nullable": {
      const d = def as z.core.$ZodOptionalDef;
      const next: z.core.$ZodOptionalDef = { ...d, innerType: strictCopy(d.innerType as Schema) };
      copy = schema.clone(next);
      break;
    }
    case "array": {
      const d = def as z.core.$ZodArrayDef;
      const next: z.core.$ZodArrayDef = { ...d, element: strictCopy(d.element as Schema) };
      copy = schema.clone(next);
      break;
    }
    case "union": {
      const d = def as z.core.$ZodUnionDef;
      const next: z.core.$ZodUnionDef = { ...d, options: d.options.map((o) => strictCopy(o as Schema)) };
      copy = schema.clone(next);
      break;
    }
    case "record": {
      const d = def as z.core.$ZodRecordDef;
      const next: z.core.$ZodRecordDef = { ...d, valueType: strictCopy(d.valueType as Schema) };
      copy = schema.clone(next);
      break;
    }
    case "intersection": {
      const d = def as z.core.$ZodIntersectionDef;
      const next: z.core.$ZodIntersectionDef = {
        ...d,
        left: strictCopy(d.left as Schema),
        right: strictCopy(d.right as Schema),
      };
      copy = schema.clone(next);
      break;
    }
    default:
      copy = schema;
  }
  cache.set(schema, copy);
  return copy;
}
