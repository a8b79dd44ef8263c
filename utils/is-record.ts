/** A plain object read from JSON or a message (not null, not an array): the first check on outside data. */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
