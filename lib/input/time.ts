// Dates and times as people and systems type them: the one parser every entry point uses (command
// payloads, the export's and the analytics page's parameters, the lead list's filters, time travel,
// the browser's date inputs). Pure, so the browser and the server read a date the same way.
//
// - A day is `YYYY-MM-DD`, and must exist (2026-02-30 does not).
// - A moment is an ISO 8601 date-time (`T` or a space between date and time, minutes required,
//   seconds and fractions optional). Without an offset it is read as UTC: Leadstream shows and
//   takes every time in UTC, and a datetime-local input carries no zone.
import { z } from 'zod';

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATE_TIME = /^(\d{4}-\d{2}-\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})?$/i;
const DAY_MS = 86_400_000;

/** The day as given when it is a real calendar day, else null. */
export function parseDay(text: string): string | null {
  const match = DAY.exec(text.trim());
  if (!match) return null;
  const [, year, month, day] = match.map(Number) as [number, number, number, number];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day ? match[0] : null;
}

/** Midnight UTC at the start of a day (`YYYY-MM-DD`, already checked). */
export const startOfDay = (day: string): Date => new Date(`${day}T00:00:00.000Z`);

export const addDays = (date: Date, days: number): Date => new Date(date.getTime() + days * DAY_MS);

/** The UTC day a moment falls on, as `YYYY-MM-DD`. */
export const dayOf = (date: Date): string => date.toISOString().slice(0, 10);

export type InstantOptions = {
  /** `required`: a date-time without an offset is refused (an HTTP API's parameters). */
  readonly zone?: 'utc-if-missing' | 'required';
  /** Also take a day alone, as the start of that UTC day or (`end`) the start of the next one. */
  readonly day?: 'start' | 'end';
};

/** The moment typed, or null when it is not one (or not in the form the options ask for). */
export function parseInstant(text: string, { zone = 'utc-if-missing', day }: InstantOptions = {}): Date | null {
  const typed = text.trim();
  const dayOnly = parseDay(typed);
  if (dayOnly) return day === undefined ? null : addDays(startOfDay(dayOnly), day === 'end' ? 1 : 0);
  const match = DATE_TIME.exec(typed);
  if (!match || !parseDay(match[1]!)) return null;
  const [, date, hours, minutes, seconds = '00', fraction = '', offset] = match;
  if (Number(hours) > 23 || Number(minutes) > 59 || Number(seconds) > 59) return null;
  if (!offset && zone === 'required') return null;
  const moment = new Date(`${date}T${hours}:${minutes}:${seconds}${fraction.slice(0, 4)}${offset ?? 'Z'}`);
  return Number.isNaN(moment.getTime()) ? null : moment;
}

/** A Zod field for a day, `message` when it is not one. */
export const dayField = (message: string) =>
  z.string().refine((text) => parseDay(text) !== null, { error: message }).transform((text) => parseDay(text)!);

/** A Zod field for a moment typed as text, `message` when it is not one. */
export const instantText = (message: string, options: InstantOptions = {}) =>
  z.string({ error: message }).transform((text, ctx) => parseInstant(text, options) ?? refuse(ctx, message));

/** The same for a command's payload, which code may also hand a Date. */
export const instantField = (message: string, options: InstantOptions = {}) =>
  z.union([z.date(), z.string()], { error: message }).transform((value, ctx) =>
    (typeof value === 'string' ? parseInstant(value, options) : Number.isNaN(value.getTime()) ? null : value) ?? refuse(ctx, message));

function refuse(ctx: z.RefinementCtx, message: string): never {
  ctx.addIssue({ code: 'custom', message });
  return z.NEVER;
}

// ---- The browser's datetime-local inputs, which carry no zone: read and written as UTC ------------

/** What a datetime-local input holds, as an ISO instant; anything else is passed on for the server to refuse. */
export function fromUtcInput(value: string): string | null {
  const typed = value.trim();
  if (!typed) return null;
  return parseInstant(typed)?.toISOString() ?? typed;
}

/** An ISO instant as a datetime-local value in UTC, to the minute. */
export function toUtcInput(iso: string | null): string {
  return iso ? new Date(iso).toISOString().slice(0, 16) : '';
}
