import type { Locale } from "../services/format/locale.js";
import { formatInteger } from "../services/format/numbers.js";
import type { CollectionFailureKind } from "../services/snapshots/collection-schedule.js";
import type { StorageProblem } from "../services/storage/errors.js";

/**
 * What users are told when the bot itself is in trouble (its database, its data collection) or is
 * sent what Discord's own clients would not send, in every locale the bot writes. Kept together so
 * that they can move into the locale catalogue as one.
 */

const STORAGE_REFUSALS: Record<Locale, Record<StorageProblem, string>> = {
  "en-US": {
    replaced:
      "I couldn't save that: my database file was removed or replaced while I was running, so nothing was kept. I'm restarting; please try again in a minute.",
    "read-only":
      "I couldn't save that: my database is read-only, so nothing was kept. Please tell whoever runs the bot.",
    full: "I couldn't save that: the disk holding my database is full, so nothing was kept. Please tell whoever runs the bot.",
    io: "I couldn't save that: my database could not be written (a disk error), so nothing was kept. Please try again later.",
  },
  "zh-CN": {
    replaced:
      "无法保存：机器人运行期间其数据库文件被删除或替换，本次更改未保留。机器人正在重启，请一分钟后再试。",
    "read-only": "无法保存：机器人的数据库是只读的，本次更改未保留。请告知机器人的管理者。",
    full: "无法保存：机器人数据库所在的磁盘已满，本次更改未保留。请告知机器人的管理者。",
    io: "无法保存：机器人的数据库写入失败（磁盘错误），本次更改未保留。请稍后再试。",
  },
};

/** The answer to a command whose change could not be saved, nothing of it kept. */
export function storageRefusal(problem: StorageProblem, locale: Locale): string {
  return STORAGE_REFUSALS[locale][problem];
}

const STALE_REASONS: Record<Locale, Record<CollectionFailureKind, string>> = {
  "en-US": {
    "hub-unreachable": "the Hub could not be reached, retrying",
    "hub-implausible": "the Hub's latest answer looked wrong and was not used, retrying",
    storage: "new data could not be saved (the bot's disk is full or read-only), retrying",
  },
  "zh-CN": {
    "hub-unreachable": "无法连接 Hugging Face Hub，正在重试",
    "hub-implausible": "Hub 最近的数据明显异常，未被采用，正在重试",
    storage: "新数据无法保存（机器人的磁盘已满或只读），正在重试",
  },
};

const STALE_PREFIX: Record<Locale, (age: string) => string> = {
  "en-US": (age) => `data is ${age} old: `,
  "zh-CN": (age) => `数据已有 ${age}：`,
};

/** The footer note for figures older than they should be: how old, and why. */
export function staleDataNote(age: string, failure: CollectionFailureKind, locale: Locale): string {
  return `${STALE_PREFIX[locale](age)}${STALE_REASONS[locale][failure]}`;
}

const FAILING_LINES: Record<Locale, Record<CollectionFailureKind, string>> = {
  "en-US": {
    "hub-unreachable": "The last collection failed: the Hub could not be reached; it is being retried.",
    "hub-implausible":
      "The last collection was refused: the Hub's answer looked wrong (far fewer models or downloads than usual); it is being retried.",
    storage:
      "The last collection could not be saved: the bot's disk is full or read-only; it is being retried.",
  },
  "zh-CN": {
    "hub-unreachable": "上次采集失败：无法连接 Hub，正在重试。",
    "hub-implausible": "上次采集未被采用：Hub 返回的数据明显异常（模型或下载量远少于平常），正在重试。",
    storage: "上次采集无法保存：机器人的磁盘已满或只读，正在重试。",
  },
};

/** `/about`'s line on the last collection when it failed; null while collection is healthy. */
export function collectionFailingLine(failure: CollectionFailureKind | null, locale: Locale): string | null {
  return failure === null ? null : FAILING_LINES[locale][failure];
}

const NO_DATA: Record<Locale, Record<CollectionFailureKind, (when: string | null) => string>> = {
  "en-US": {
    "hub-unreachable": (when) =>
      `The Hugging Face Hub can't be reached right now and I have no stored data yet, so I have nothing to show. I'll try again ${when ?? "shortly"}.`,
    "hub-implausible": (when) =>
      `The Hugging Face Hub's answer looked wrong (far fewer models than usual), so I did not use it, and I have no stored data yet. I'll try again ${when ?? "shortly"}.`,
    storage: (when) =>
      `I can't save data right now (my disk is full or read-only), so I have nothing to show yet. I'll try again ${when ?? "shortly"}; please tell whoever runs the bot.`,
  },
  "zh-CN": {
    "hub-unreachable": (when) =>
      `目前无法连接 Hugging Face Hub，且尚无已保存的数据，暂时无法显示。将${when === null ? "稍后" : `在 ${when} `}重试。`,
    "hub-implausible": (when) =>
      `Hugging Face Hub 返回的数据明显异常（模型数远少于平常），未被采用，且尚无已保存的数据。将${when === null ? "稍后" : `在 ${when} `}重试。`,
    storage: (when) =>
      `目前无法保存数据（机器人的磁盘已满或只读），暂时无法显示。将${when === null ? "稍后" : `在 ${when} `}重试；请告知机器人的管理者。`,
  },
};

/**
 * The answer when nothing is stored and collecting failed; `when` is the next attempt as Discord
 * markup (`<t:…:R>`), or null for "shortly".
 */
export function noDataAnswer(failure: CollectionFailureKind, when: string | null, locale: Locale): string {
  return NO_DATA[locale][failure](when);
}

const OVERLONG: Record<Locale, (name: string, maxLength: string, length: string) => string> = {
  "en-US": (name, maxLength, length) =>
    `The option \`${name}\` takes at most ${maxLength} characters, and this one has ${length}. Nothing was done: please shorten it and try again.`,
  "zh-CN": (name, maxLength, length) =>
    `选项 \`${name}\` 最多 ${maxLength} 个字符，而这次有 ${length} 个。未执行任何操作，请缩短后重试。`,
};

/** The answer to a command sent with an option longer than its `max_length`. */
export function overlongOptionAnswer(
  option: { name: string; maxLength: number; length: number },
  locale: Locale,
): string {
  return OVERLONG[locale](
    option.name,
    formatInteger(option.maxLength, locale),
    formatInteger(option.length, locale),
  );
}
