/**
 * What a person typed, cut to at most `maxChars` characters (code points, so a character outside
 * the Basic Multilingual Plane is never split) before anything compares it with names.
 *
 * Matching costs grow with the input's length (an edit distance is length × length), and Discord's
 * `max_length` binds only its own clients: a 6,000-character time zone once took two seconds of
 * CPU per keystroke. Every matcher cuts its input, after its linear clean-up (trimming, collapsing
 * spaces) and before any comparison, to more than the longest name it knows: a cut input then
 * cannot match where the whole one would not, and costs no more than a short one.
 */
export function boundInput(text: string, maxChars: number): string {
  // Fast path: UTF-16 length bounds the code point count from above.
  if (text.length <= maxChars) return text;
  let end = 0;
  for (let count = 0; count < maxChars && end < text.length; count++) {
    const code = text.codePointAt(end) ?? 0;
    end += code > 0xffff ? 2 : 1;
  }
  return text.slice(0, end);
}
