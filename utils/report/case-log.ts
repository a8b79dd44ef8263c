/**
 * The case log: every report the shopper made, kept on this device (storage.local, never synced), with
 * its destination, its date, the case number the authority gave them (typed in by the shopper) and the
 * deadlines that destination runs on (12315: the firm 10 working days, then the authority 7).
 * The list logic is pure; `CaseLog` reads and writes it through an injected storage area.
 */
import { z } from 'zod';
import { DESTINATIONS, type Deadline, type DestinationId, deadlineDates, destination } from './destinations';

export const CASE_LOG_KEY = 'report-cases';
/** Oldest cases are dropped past this many (each is small: no images are kept here). */
export const CASE_LOG_MAX = 500;

export const CaseEntry = z.object({
  id: z.string().min(1).max(40),
  destination: z.enum(DESTINATIONS.map((d) => d.id) as [DestinationId, ...DestinationId[]]),
  /** When the shopper opened the destination or downloaded the package for it. */
  createdAt: z.string(),
  product: z.string().max(1000),
  pageUrl: z.string().max(4000),
  recallId: z.string().max(200).nullable(),
  caseNumber: z.string().max(100),
});
export type CaseEntry = z.infer<typeof CaseEntry>;

/** Reads the stored list leniently: entries that do not parse (an older or damaged one) are left out. */
export function parseCases(raw: unknown): CaseEntry[] {
  if (!Array.isArray(raw)) return [];
  return raw.flatMap((e) => {
    const parsed = CaseEntry.safeParse(e);
    return parsed.success ? [parsed.data] : [];
  });
}

/** The list with `entry` in it: replaces the case with the same id (a report re-filed), newest first. */
export function withCase(cases: readonly CaseEntry[], entry: CaseEntry): CaseEntry[] {
  return [entry, ...cases.filter((c) => c.id !== entry.id)].slice(0, CASE_LOG_MAX);
}

export function withCaseNumber(cases: readonly CaseEntry[], id: string, caseNumber: string): CaseEntry[] {
  return cases.map((c) => (c.id === id ? { ...c, caseNumber: caseNumber.trim().slice(0, 100) } : c));
}

export interface Reminder {
  deadline: Deadline;
  due: Date;
  /** The step's end has passed. */
  passed: boolean;
  /** The step that runs now (the first not passed). */
  current: boolean;
}

/** The destination's deadlines for this case, counted from the day it was filed. */
export function reminders(entry: CaseEntry, now: Date): Reminder[] {
  const dates = deadlineDates(destination(entry.destination), new Date(entry.createdAt));
  const firstOpen = dates.findIndex((d) => d.due.getTime() > now.getTime());
  return dates.map((d, i) => ({ ...d, passed: d.due.getTime() <= now.getTime(), current: i === firstOpen }));
}

export interface StorageArea {
  get(key: string): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
}

export class CaseLog {
  constructor(private readonly area: StorageArea) {}

  async list(): Promise<CaseEntry[]> {
    return parseCases((await this.area.get(CASE_LOG_KEY))[CASE_LOG_KEY]);
  }

  async add(entry: CaseEntry): Promise<CaseEntry[]> {
    const next = withCase(await this.list(), CaseEntry.parse(entry));
    await this.area.set({ [CASE_LOG_KEY]: next });
    return next;
  }

  async setCaseNumber(id: string, caseNumber: string): Promise<CaseEntry[]> {
    const next = withCaseNumber(await this.list(), id, caseNumber);
    await this.area.set({ [CASE_LOG_KEY]: next });
    return next;
  }

  async remove(id: string): Promise<CaseEntry[]> {
    const next = (await this.list()).filter((c) => c.id !== id);
    await this.area.set({ [CASE_LOG_KEY]: next });
    return next;
  }
}

/** Which deadline reminders have been raised as notifications: `<case id>:<deadline id>` keys. */
export const REMINDED_KEY = 'report-reminded';

export interface DueReminder {
  entry: CaseEntry;
  reminder: Reminder;
  key: string;
}

/**
 * The deadlines that have passed and were not raised yet: what the background notifies of (once each).
 * A case whose last deadline passed more than 30 days ago raises nothing (an old case log restored).
 */
export function dueReminders(
  cases: readonly CaseEntry[],
  now: Date,
  reminded: ReadonlySet<string>,
): DueReminder[] {
  const stale = now.getTime() - 30 * 24 * 60 * 60 * 1000;
  return cases.flatMap((entry) =>
    reminders(entry, now)
      .filter((r) => r.passed && r.due.getTime() > stale)
      .map((reminder) => ({ entry, reminder, key: `${entry.id}:${reminder.deadline.id}` }))
      .filter((d) => !reminded.has(d.key)),
  );
}
