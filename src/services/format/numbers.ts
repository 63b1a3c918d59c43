import { translate } from "../../locales/index.js";
import type { Locale } from "./locale.js";

/** 1234567 → "1.2M" (en-US) / "123.5万" (zh-CN): compact, one decimal at most. */
export function formatCompact(value: number, locale: Locale): string {
  return new Intl.NumberFormat(locale, { notation: "compact", maximumFractionDigits: 1 }).format(value);
}

/** 1234567 → "1,234,567". */
export function formatInteger(value: number, locale: Locale): string {
  return new Intl.NumberFormat(locale, { maximumFractionDigits: 0 }).format(value);
}

/** A share in 0..1 → "34.5%". */
export function formatShare(share: number, locale: Locale, fractionDigits = 1): string {
  return new Intl.NumberFormat(locale, {
    style: "percent",
    minimumFractionDigits: fractionDigits,
    maximumFractionDigits: fractionDigits,
  }).format(share);
}

/** A change in percentage points → "+1.3 pp" / "−0.4 pp" / "±0.0 pp" (zh-CN: "+1.3 个百分点"). */
export function formatPp(changePp: number, locale: Locale): string {
  // Round the magnitude, then put the sign back, so +2.35 and −2.35 round alike.
  const magnitude = Math.round(Math.abs(changePp) * 10) / 10;
  const text = new Intl.NumberFormat(locale, {
    minimumFractionDigits: 1,
    maximumFractionDigits: 1,
  }).format(magnitude);
  const sign = magnitude === 0 ? "±" : changePp > 0 ? "+" : "−";
  return translate(locale, "number.pp", { signed: `${sign}${text}` });
}

/** A relative change → "+12%" / "−3%" / "±0%" (whole percent; one decimal below 10%). */
export function formatPercentChange(change: number, locale: Locale): string {
  const percent = Math.abs(change) * 100;
  const digits = percent < 10 ? 1 : 0;
  const magnitude = Number(percent.toFixed(digits));
  const text = new Intl.NumberFormat(locale, {
    minimumFractionDigits: 0,
    maximumFractionDigits: digits,
  }).format(magnitude);
  const sign = magnitude === 0 ? "±" : change > 0 ? "+" : "−";
  return `${sign}${text}%`;
}

/** Cuts text to at most `max` characters (code points), ending with "…" when cut. */
export function ellipsize(text: string, max: number): string {
  const chars = Array.from(text);
  if (chars.length <= max) return text;
  return `${chars.slice(0, Math.max(0, max - 1)).join("")}…`;
}
