import { createRequire } from "node:module";
import { GlobalFonts } from "@napi-rs/canvas";

/** The family every chart is drawn in. It covers Latin and ~28k Han characters, so zh-CN labels draw too. */
export const CHART_FONT_FAMILY = "Noto Sans SC";

/**
 * The font list every chart spec names: ours first, then the name under which Linux distributions
 * (and so most QuickChart servers that have a CJK font at all) install Noto's CJK fonts, then any
 * sans-serif. A server without the first two still draws Latin text in a font of the same kind.
 */
export const CHART_FONT_STACK = `"${CHART_FONT_FAMILY}", "Noto Sans CJK SC", sans-serif`;

/**
 * Regular and bold only: Chart.js uses no other weight here, and each weight is a 10.5 MB TTF.
 * TTF rather than woff2 because Skia loads a TTF in about 0.1 ms and a woff2 in about 46 ms.
 */
const FONT_FILES = [
  "@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf",
  "@expo-google-fonts/noto-sans-sc/700Bold/NotoSansSC_700Bold.ttf",
] as const;

/** What registering the chart font did. */
export interface FontRegistration {
  family: string;
  /** Absolute paths of the files registered. */
  files: string[];
  /** Time the registration took in this process (0 when it had already happened). */
  milliseconds: number;
}

let registration: FontRegistration | undefined;

/**
 * Registers the chart font with @napi-rs/canvas, once per process: `GlobalFonts` is a process-wide
 * registry, so a second registration would only add duplicates. The files come from the npm
 * package, never from the system: a slim container has no fonts at all (Chart.js text then
 * silently disappears) and a developer machine has no CJK font (Chinese draws as boxes).
 * Throws when a file is missing or unreadable, rather than rendering charts without text.
 */
export function registerChartFonts(): FontRegistration {
  if (registration !== undefined) return { ...registration, milliseconds: 0 };
  const started = performance.now();
  const require = createRequire(import.meta.url);
  const files = FONT_FILES.map((file) => require.resolve(file));
  for (const file of files) {
    if (GlobalFonts.registerFromPath(file, CHART_FONT_FAMILY) === null) {
      throw new Error(`could not register the chart font ${file}`);
    }
  }
  registration = { family: CHART_FONT_FAMILY, files, milliseconds: performance.now() - started };
  return registration;
}
