/**
 * Instants are stored as `Date.toISOString()` text and compared as text in SQL (`expires_at <= ?`,
 * `next_attempt_at <= ?`). That is time order only while every value has the same fixed-width form,
 * so invalid dates and years outside 0000–9999 are refused on the way in.
 */
export function toIsoText(date: Date, what: string): string {
  const time = date.getTime();
  if (Number.isNaN(time)) throw new RangeError(`${what} is not a valid date`);
  const iso = date.toISOString();
  if (iso.length !== 24) throw new RangeError(`${what} is out of range: ${iso}`);
  return iso;
}
