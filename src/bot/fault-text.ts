import type { Locale } from "../services/format/locale.js";
import type { StorageProblem } from "../services/storage/errors.js";

/**
 * What users are told when the bot itself is in trouble (its database, its data collection), in
 * every locale the bot writes. Kept together so that they can move into the locale catalogue as one.
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

/** Why collection is failing, as the stale-data note says it. */
export type CollectionTrouble = "hub-unreachable" | "hub-implausible" | "storage";

const STALE_REASONS: Record<Locale, Record<CollectionTrouble, string>> = {
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
export function staleDataNote(age: string, trouble: CollectionTrouble, locale: Locale): string {
  return `${STALE_PREFIX[locale](age)}${STALE_REASONS[locale][trouble]}`;
}
