/**
 * Columns of text aligned for a terminal. A terminal gives CJK and full-width characters two
 * cells, so widths are counted in cells, not characters: a Chinese region name lines up too.
 */

const WIDE =
  /[\u1100-\u115f\u2e80-\u303e\u3041-\u33ff\u3400-\u4dbf\u4e00-\u9fff\ua000-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/u;

/** Terminal cells `text` takes. */
export function cellWidth(text: string): number {
  let width = 0;
  for (const char of text) width += WIDE.test(char) ? 2 : 1;
  return width;
}

function pad(text: string, width: number, align: "left" | "right"): string {
  const fill = " ".repeat(Math.max(0, width - cellWidth(text)));
  return align === "left" ? text + fill : fill + text;
}

/**
 * Rows as lines, each column as wide as its widest cell, two spaces apart, indented by `indent`;
 * trailing spaces are cut. `align` gives each column's alignment (numbers right, names left).
 */
export function textTable(
  rows: readonly (readonly string[])[],
  align: readonly ("left" | "right")[],
  indent = "  ",
): string[] {
  const widths: number[] = [];
  for (const row of rows) {
    row.forEach((cell, i) => {
      widths[i] = Math.max(widths[i] ?? 0, cellWidth(cell));
    });
  }
  return rows.map((row) =>
    `${indent}${row.map((cell, i) => pad(cell, widths[i] ?? 0, align[i] ?? "left")).join("  ")}`.trimEnd(),
  );
}
