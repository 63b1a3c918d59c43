/**
 * Code-shape figures (issue 10): lines per folder of `src/`, the longest functions, and the places
 * that call a guard. `npx tsx bench/code-shape.ts [root]` prints them for another tree too (e.g. a
 * `git archive` of an older commit), so that before and after come from the same script.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { pathToFileURL } from "node:url";
import ts from "typescript";

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return name.endsWith(".ts") ? [path] : [];
  });
}

/** Lines of each folder directly under `root` (files at the top level count as "(top level)"). */
function linesPerFolder(root: string, files: string[]): Record<string, number> {
  const lines: Record<string, number> = {};
  for (const file of files) {
    const [first, ...rest] = relative(root, file).split("/");
    const folder = rest.length === 0 ? "(top level)" : (first ?? "");
    lines[folder] = (lines[folder] ?? 0) + readFileSync(file, "utf8").split("\n").length - 1;
  }
  return Object.fromEntries(Object.entries(lines).sort(([a], [b]) => a.localeCompare(b)));
}

/** The name a reader would look a function up by: its own, or the variable, property or method holding it. */
function nameOf(node: ts.FunctionLikeDeclaration): string {
  if (node.name !== undefined && ts.isIdentifier(node.name)) return node.name.text;
  const parent = node.parent;
  if (ts.isVariableDeclaration(parent) && ts.isIdentifier(parent.name)) return parent.name.text;
  if (ts.isPropertyAssignment(parent) && ts.isIdentifier(parent.name)) return parent.name.text;
  return "(anonymous)";
}

interface FunctionSpan {
  folder: string;
  where: string;
  lines: number;
}

/** Every function, method and arrow function with a body, with the lines it spans. */
function functionSpans(root: string, files: string[]): FunctionSpan[] {
  const found: FunctionSpan[] = [];
  for (const file of files) {
    const source = ts.createSourceFile(file, readFileSync(file, "utf8"), ts.ScriptTarget.Latest, true);
    const visit = (node: ts.Node): void => {
      if (ts.isFunctionLike(node) && "body" in node && node.body !== undefined) {
        const fn = node as ts.FunctionLikeDeclaration;
        const start = source.getLineAndCharacterOfPosition(fn.getStart(source)).line;
        const end = source.getLineAndCharacterOfPosition(fn.getEnd()).line;
        const path = relative(root, file);
        const folder = path.includes("/") ? (path.split("/")[0] ?? "") : "(top level)";
        found.push({ folder, where: `${path}:${start + 1} ${nameOf(fn)}`, lines: end - start + 1 });
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return found.sort((a, b) => b.lines - a.lines);
}

const show = (spans: FunctionSpan[], most: number) =>
  spans.slice(0, most).map((f) => `${f.lines} lines: ${f.where}`);

/** The figures for the tree at `root`. */
export function benchCodeShape(root = "src"): Record<string, unknown> {
  const files = sourceFiles(root);
  const spans = functionSpans(root, files);
  const folders = [...new Set(spans.map((s) => s.folder))].sort();
  return {
    "lines per folder": linesPerFolder(root, files),
    "longest functions": show(spans, 10),
    "longest functions per folder": Object.fromEntries(
      folders.map((folder) => [
        folder,
        show(
          spans.filter((s) => s.folder === folder),
          5,
        ),
      ]),
    ),
  };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  process.stdout.write(`${JSON.stringify(benchCodeShape(process.argv[2]), null, 2)}\n`);
}
