// What the store knows of event types: nothing of any aggregate, only what aggregates register.
// Each registered type has a Zod schema of its data's latest shape, that shape's schema version and
// the steps that lift older stored versions to it. New events are checked before they are stored;
// stored events are upcast and checked on the way out, by `decode`, the one function that turns a
// stored event into a domain event.
import type { z } from 'zod';

/** Lifts the data of one schema version to the next. */
export type UpcastStep = (data: any) => unknown;

export type EventDefinition = {
  readonly schema: z.ZodType;
  /** The schema version `schema` describes (1 when omitted). */
  readonly version?: number;
  /** upcast[n] turns version n into version n + 1. */
  readonly upcast?: Readonly<Record<number, UpcastStep>>;
  /**
   * Where the data holds a person's values (`name`, `phones[].e164`, `emails[]`): stored sealed
   * under the stream's key, and read as `[erased]` once the key is gone (docs/erasure.md).
   */
  readonly personal?: readonly string[];
};

export type EventDefinitions = Readonly<Record<string, EventDefinition>>;

/** What a personal value reads as once its stream's key is gone (docs/erasure.md). */
export const ERASED_VALUE = '[erased]';

/**
 * An aggregate's event definitions from its schemas, with versions and upcasters for the types that
 * have older shapes, and the paths of personal values for the types that hold any.
 */
export function defineEvents(
  schemas: Readonly<Record<string, z.ZodType>>,
  older: Readonly<Record<string, Omit<EventDefinition, 'schema' | 'personal'>>> = {},
  personal: Readonly<Record<string, readonly string[]>> = {},
): EventDefinitions {
  return Object.fromEntries(Object.entries(schemas).map(([type, schema]) => [type, { schema, ...older[type], personal: personal[type] }]));
}

export type EventRegistry = {
  /** Every registered event type, in registration order. */
  readonly types: readonly string[];
  latestVersion(type: string): number;
  /** A new event's data, refused (a bug in whatever decided it) unless its schema accepts it. */
  check(type: string, data: unknown): void;
  /** Stored data in its type's latest shape, checked; an unregistered type's data as stored. */
  decode(type: string, schemaVersion: number, data: unknown, where?: string): unknown;
  /** The field names of every registered event's data, in order of first appearance. */
  dataFields(): readonly string[];
  /** Where a type's data holds personal values (none for an unregistered type). */
  personalPaths(type: string): readonly string[];
};

export class EventShapeError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'EventShapeError';
  }
}

/**
 * `closed`: only registered types may be appended (the app's store). A registry with no
 * definitions and `closed: false` takes any event as it is (the store's own tests).
 */
export function createEventRegistry(definitions: readonly EventDefinitions[], { closed = true }: { closed?: boolean } = {}): EventRegistry {
  const byType = new Map<string, EventDefinition>();
  for (const group of definitions) {
    for (const [type, definition] of Object.entries(group)) {
      if (byType.has(type)) throw new Error(`Event type ${type} is registered twice`);
      byType.set(type, definition);
    }
  }
  const latestVersion = (type: string) => byType.get(type)?.version ?? 1;
  const problems = (error: z.ZodError) => error.issues.map((issue) => `${issue.path.join('.') || 'data'}: ${issue.message}`).join('; ');

  return {
    types: [...byType.keys()],
    latestVersion,
    check(type, data) {
      const definition = byType.get(type);
      if (!definition) {
        if (closed) throw new EventShapeError(`Event type ${type} is not registered`);
        return;
      }
      const parsed = definition.schema.safeParse(data);
      if (!parsed.success) throw new EventShapeError(`${type} does not match its schema: ${problems(parsed.error)}`);
    },
    decode(type, schemaVersion, data, where = type) {
      const definition = byType.get(type);
      if (!definition) return data;
      let current = data;
      for (let version = schemaVersion; version < latestVersion(type); version++) {
        const step = definition.upcast?.[version];
        if (!step) throw new EventShapeError(`No upcaster for ${type} from schema version ${version} (${where})`);
        current = step(current);
      }
      const parsed = definition.schema.safeParse(current);
      if (!parsed.success) throw new EventShapeError(`Stored event ${where} does not match the ${type} schema: ${problems(parsed.error)}`);
      return current;
    },
    dataFields() {
      const fields = new Set<string>();
      for (const { schema } of byType.values()) for (const field of objectKeys(schema)) fields.add(field);
      return [...fields];
    },
    personalPaths: (type) => byType.get(type)?.personal ?? [],
  };
}

/** The keys of an object schema (also behind optional/nullable wrappers); none for other schemas. */
function objectKeys(schema: z.ZodType): string[] {
  const shape = (schema as { shape?: Record<string, unknown> }).shape;
  return shape ? Object.keys(shape) : [];
}

/** Takes any event as it is: for a store that serves no aggregate. */
export const openRegistry = createEventRegistry([], { closed: false });
