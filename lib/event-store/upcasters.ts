// Events keep the schema version they were written with. Readers always see the latest shape:
// each registered step lifts the data of one version to the next.

export type UpcastStep = (data: any) => unknown;

export type EventSchema = {
  readonly latest: number;
  /** steps[n] turns version n into version n + 1. */
  readonly steps?: Readonly<Record<number, UpcastStep>>;
};

export type UpcasterRegistry = {
  latestVersion(type: string): number;
  upcast(type: string, schemaVersion: number, data: unknown): unknown;
};

export function createUpcasterRegistry(schemas: Readonly<Record<string, EventSchema>>): UpcasterRegistry {
  return {
    latestVersion: (type) => schemas[type]?.latest ?? 1,
    upcast(type, schemaVersion, data) {
      const schema = schemas[type];
      if (!schema) return data;
      let current = data;
      for (let version = schemaVersion; version < schema.latest; version++) {
        const step = schema.steps?.[version];
        if (!step) throw new Error(`No upcaster for ${type} from schema version ${version}`);
        current = step(current);
      }
      return current;
    },
  };
}

export const noUpcasters = createUpcasterRegistry({});
