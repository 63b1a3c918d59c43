/**
 * How wide a line of chart text will be, without a canvas: chart specs are pure data, built before
 * (and apart from) any renderer, yet titles and footers must be broken into lines that fit the
 * card, because Chart.js draws each line as given and never wraps.
 *
 * The widths are the chart font's own advance widths (Noto Sans SC, in thousandths of an em),
 * read once from the font with `measureText` at 1000 px; `test/charts/text-width.test.ts` checks
 * them against the registered font, so they cannot drift from it. Kerning moves Latin text by
 * about 1.5%: `wrapText` leaves a margin for it.
 */

/** Advance widths of ASCII 32 (space) to 126 (`~`), regular weight. */
const REGULAR = [
  224, 323, 474, 555, 555, 921, 680, 278, 338, 338, 467, 555, 278, 347, 278, 392, 555, 555, 555, 555, 555,
  555, 555, 555, 555, 555, 278, 278, 555, 555, 555, 474, 946, 608, 657, 638, 688, 589, 552, 689, 728, 293,
  535, 646, 543, 812, 723, 742, 633, 742, 635, 596, 599, 721, 575, 878, 573, 531, 603, 338, 392, 338, 555,
  559, 606, 563, 618, 510, 620, 554, 325, 564, 607, 275, 275, 552, 284, 926, 610, 606, 620, 620, 388, 468,
  377, 607, 521, 802, 498, 521, 475, 338, 270, 338, 555,
] as const;

/** The same, bold. */
const BOLD = [
  227, 370, 574, 590, 590, 963, 740, 325, 378, 378, 507, 590, 325, 370, 325, 387, 590, 590, 590, 590, 590,
  590, 590, 590, 590, 590, 325, 325, 590, 590, 590, 514, 1007, 641, 681, 656, 714, 615, 585, 717, 757, 330,
  568, 686, 578, 853, 749, 770, 667, 770, 682, 624, 625, 748, 619, 915, 627, 580, 613, 378, 387, 378, 590,
  567, 626, 591, 644, 527, 644, 581, 372, 597, 640, 304, 306, 604, 315, 964, 641, 626, 644, 644, 437, 495,
  421, 637, 576, 863, 562, 574, 511, 378, 296, 378, 590,
] as const;

/** Characters outside ASCII that chart text uses, at the widths the font gives them. */
const OTHER: Readonly<Record<string, readonly [regular: number, bold: number]>> = {
  "\u00a0": [224, 227],
  "–": [536, 544],
  "—": [894, 908],
  "−": [555, 590],
  "€": [555, 590],
  é: [554, 581],
};

/** Full-width in this font: Han, kana, Hangul, CJK punctuation and full-width forms, and `·…±×’“”`. */
const FULL_WIDTH =
  /[\u1100-\u11ff\u2e80-\u9fff\uac00-\ud7af\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef·…±×‘’“”]/u;

/** An unknown character is taken as wide as an average capital: wrapping errs towards shorter lines. */
const UNKNOWN_WIDTH = 650;

/** Width of one character in thousandths of an em. */
function advance(char: string, bold: boolean): number {
  const code = char.codePointAt(0) ?? 0;
  if (code >= 32 && code <= 126) return (bold ? BOLD : REGULAR)[code - 32] ?? UNKNOWN_WIDTH;
  const other = OTHER[char];
  if (other !== undefined) return bold ? other[1] : other[0];
  return FULL_WIDTH.test(char) ? 1000 : UNKNOWN_WIDTH;
}

/** Width of `text` in CSS pixels at `size` px in the chart font. */
export function textWidth(text: string, size: number, bold = false): number {
  let total = 0;
  for (const char of text) total += advance(char, bold);
  return (total * size) / 1000;
}

/** What a line of text is set in, and how much room it has. */
export interface TextBox {
  /** Room for one line, in CSS pixels. */
  width: number;
  /** Font size in CSS pixels. */
  size: number;
  bold?: boolean;
  /** Units a number is never parted from ("pp"). */
  keep?: readonly string[];
}

/** Share of the room a line may use: kerning and rounding move real widths by a percent or two. */
const SAFETY = 0.97;

/** Closing punctuation that may not start a line, and opening punctuation that may not end one. */
const NO_LINE_START = /^[，。、：；！？）」』》〉】％,.;:!?)\]%·]/u;
const NO_LINE_END = /[（「『《〈【([]$/u;

/** CJK characters and full-width forms: text that breaks between words, not at spaces. */
const CJK = "\u2e80-\u9fff\uff00-\uffef";
const CJK_RUN = new RegExp(`^[${CJK}]`, "u");
const CJK_END = new RegExp(`[${CJK}]$`, "u");

/** Chinese has no spaces between words: ICU's dictionary says where the words are. */
const WORDS = new Intl.Segmenter("zh", { granularity: "word" });

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/**
 * Pieces a line may break between: Latin words with the spaces after them, and Chinese words
 * (each CJK run split where ICU finds word boundaries), keeping punctuation with its neighbour. A
 * number stays with a unit in `keep` after it ("+0.4 pp", "+0.4 个百分点"), and a no-break space
 * (U+00A0) holds its neighbours together ("04:10 UTC").
 */
function breakable(text: string, keep: readonly string[]): string[] {
  const units = keep.map(escapeRegExp).join("|");
  const numberWithUnit =
    units === ""
      ? ""
      : `[^ \\t${CJK}]*\\d[ \\u00a0](?:${units})[^ \\t${CJK}]*[）」』》〉】，。、：；！？％]*[ \\t]*|`;
  const tokens = new RegExp(`${numberWithUnit}[${CJK}]+[ \\t]*|[^ \\t${CJK}]+[ \\t]*|[ \\t]+`, "gu");
  const pieces: string[] = [];
  const push = (piece: string) => {
    const previous = pieces.at(-1);
    // A number written against a Chinese word ("25日", "第48周") is one word to a reader.
    const digitMeetsCjk =
      previous !== undefined &&
      ((/\d$/.test(previous) && CJK_RUN.test(piece)) || (/^\d/.test(piece) && CJK_END.test(previous)));
    const joins =
      piece.trim() === "" || digitMeetsCjk || NO_LINE_START.test(piece) || NO_LINE_END.test(previous ?? "");
    if (previous !== undefined && joins) {
      pieces[pieces.length - 1] = previous + piece;
    } else {
      pieces.push(piece);
    }
  };
  for (const [token] of text.matchAll(tokens)) {
    if (!CJK_RUN.test(token)) {
      push(token);
      continue;
    }
    for (const { segment } of WORDS.segment(token)) push(segment);
  }
  return pieces;
}

/**
 * Breaks `text` into lines that fit `box.width`: between words, or between CJK characters, never
 * before closing punctuation. A word longer than a whole line is cut where it must be. A paragraph
 * does not end on a lone word ("19.8%" by itself) when the word before it fits beside it. Explicit
 * line breaks (`\n`) are kept.
 */
export function wrapText(text: string, box: TextBox): string[] {
  const room = box.width * SAFETY;
  const bold = box.bold ?? false;
  const fits = (pieces: readonly string[]) => textWidth(pieces.join("").trimEnd(), box.size, bold) <= room;
  const lines: string[] = [];
  for (const paragraph of text.split("\n")) {
    const filled: string[][] = [];
    let line: string[] = [];
    for (const piece of breakable(paragraph, box.keep ?? [])) {
      if (fits([...line, piece])) {
        line.push(piece);
        continue;
      }
      if (line.join("").trim() !== "") filled.push(line);
      line = [];
      const word = piece.trimStart();
      if (fits([word])) {
        line.push(word);
        continue;
      }
      // A piece wider than the whole line (a long repo id) is cut character by character.
      for (const char of word) {
        if (line.length > 0 && !fits([...line, char])) {
          filled.push(line);
          line = [];
        }
        line.push(char);
      }
    }
    filled.push(line);
    const last = filled.at(-1);
    const before = filled.at(-2);
    if (last !== undefined && before !== undefined && last.length === 1 && before.length > 2) {
      const moved = before.at(-1);
      if (moved !== undefined && fits([moved, ...last])) {
        before.pop();
        last.unshift(moved);
      }
    }
    lines.push(...filled.map((pieces) => pieces.join("").trimEnd()));
  }
  return lines;
}
