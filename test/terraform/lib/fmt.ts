/**
 * A `terraform fmt` checker for the subset of layout rules our Terraform relies on, since the
 * tests run without a terraform binary. It follows hclwrite's formatter (hashicorp/hcl,
 * hclwrite/format.go), which is what `terraform fmt` runs:
 *
 * - Indentation: two spaces per line that opened brackets (`{`, `[`, `(`, `${`, `%{`) and is not
 *   yet closed, counted per line (a line opening two brackets indents the next lines once).
 *   A line that starts by closing brackets is dedented; `}, {` keeps the inner level.
 * - Attribute alignment: a line whose first `=` starts a complete expression (brackets balance
 *   from the `=` to the end of the line) has an "assign" cell. The `=` of consecutive lines with
 *   an assign cell line up one column after the longest name. Any other line (blank line,
 *   comment line, `name = {` opening a nested expression, `}`, a nested block) ends the run.
 * - Trailing comments after code on consecutive lines line up the same way.
 * - One space on each side of `=` (the aligned one gets its padding instead), no spaces
 *   before a newline.
 * - Heredoc bodies and multi-line comments are left as written.
 *
 * Not covered (our code does not depend on them, and the unit tests say so): spacing between
 * other tokens (`a+b` → `a + b`, `foo( x )` → `foo(x)`), and terraform's expression rewrites
 * (`"${var.x}"` → `var.x`). Trailing whitespace is removed from comments too (terraform fmt
 * keeps it there). `checkTerraformFormatting` adds two house rules that terraform fmt does not
 * enforce: at most one blank line in a row, and a newline at the end of the file.
 */
import { toLogicalLines } from './fmt-lines.ts';

const segmenter = new Intl.Segmenter('en', { granularity: 'grapheme' });
/** Display columns as hclwrite counts them (grapheme clusters). */
const columns = (text: string) => [...segmenter.segment(text)].length;

/**
 * Formats Terraform source the way `terraform fmt` lays it out, for the rules listed at the top
 * of this file. Idempotent: formatting formatted text changes nothing.
 */
export function formatTerraform(source: string): string {
  const lines = toLogicalLines(source);

  // Indentation (hclwrite formatIndent).
  const indents: number[] = [];
  const indentOf: number[] = [];
  for (const line of lines) {
    if (line.blank) {
      indentOf.push(0);
      continue;
    }
    const net = line.netBrackets;
    if (net > 0) {
      indentOf.push(2 * indents.length);
      indents.push(net);
    } else if (net < 0) {
      let closed = -net;
      while (closed > 0 && indents.length > 0) {
        const top = indents[indents.length - 1];
        if (closed > top) {
          closed -= top;
          indents.pop();
        } else if (closed < top) {
          indents[indents.length - 1] = top - closed;
          closed = 0;
        } else {
          indents.pop();
          closed = 0;
        }
      }
      indentOf.push(2 * indents.length);
    } else {
      indentOf.push(2 * indents.length);
    }
  }

  // Cells: lead, assign (from `=`), comment.
  const cells = lines.map((line, i) => {
    if (line.blank) return undefined;
    const indent = ' '.repeat(indentOf[i]);
    const end = line.commentAt >= 0 ? line.commentAt - 1 : line.content.length;
    const code = line.content.slice(0, end);
    const lead =
      line.assignAt >= 0 ? code.slice(0, line.assignAt - 1).trimEnd() : code;
    const assign = line.assignAt >= 0 ? code.slice(line.assignAt) : undefined;
    const comment =
      line.commentAt >= 0 ? line.content.slice(line.commentAt) : undefined;
    return {
      lead: indent + lead,
      assign,
      comment,
      assignPad: 1,
      commentPad: 1,
    };
  });

  // Alignment runs (hclwrite formatCells): assign cells first, then comments.
  const alignRuns = (
    has: (i: number) => boolean,
    width: (i: number) => number,
    set: (i: number, pad: number) => void,
  ) => {
    let start = -1;
    let max = 0;
    const close = (end: number) => {
      for (let j = start; j < end; j++) set(j, max - width(j) + 1);
      start = -1;
      max = 0;
    };
    for (let i = 0; i < cells.length; i++) {
      if (!has(i)) {
        if (start >= 0) close(i);
        continue;
      }
      if (start < 0) start = i;
      max = Math.max(max, width(i));
    }
    if (start >= 0) close(cells.length);
  };
  alignRuns(
    i => cells[i]?.assign !== undefined,
    i => columns(cells[i]!.lead),
    (i, pad) => {
      cells[i]!.assignPad = pad;
    },
  );
  const codeWidth = (i: number) => {
    const cell = cells[i]!;
    return (
      columns(cell.lead) +
      (cell.assign === undefined ? 0 : cell.assignPad + columns(cell.assign))
    );
  };
  alignRuns(
    i => cells[i]?.comment !== undefined,
    codeWidth,
    (i, pad) => {
      cells[i]!.commentPad = pad;
    },
  );

  return lines
    .map((line, i) => {
      const cell = cells[i];
      if (!cell) return '';
      let first = cell.lead;
      if (cell.assign !== undefined)
        first += ' '.repeat(cell.assignPad) + cell.assign;
      if (cell.comment !== undefined)
        first += ' '.repeat(cell.commentPad) + cell.comment;
      return [first, ...line.text.slice(1)].join('\n');
    })
    .join('\n');
}

/**
 * Differences between a file and its `terraform fmt` layout, as `line N: ...` messages (empty
 * when formatted), plus the house rules described at the top of this file.
 */
export function checkTerraformFormatting(source: string): string[] {
  const problems: string[] = [];
  const formatted = formatTerraform(source);
  const actual = source.split('\n');
  const expected = formatted.split('\n');
  for (let i = 0; i < Math.max(actual.length, expected.length); i++) {
    if (actual[i] !== expected[i]) {
      problems.push(
        `line ${i + 1}: terraform fmt writes ${JSON.stringify(
          expected[i] ?? '',
        )}, found ${JSON.stringify(actual[i] ?? '')}`,
      );
    }
  }
  let blankRun = 0;
  actual.forEach((line, i) => {
    blankRun = line.trim() === '' && i < actual.length - 1 ? blankRun + 1 : 0;
    if (blankRun === 2)
      problems.push(`line ${i + 1}: more than one blank line`);
  });
  if (source.length > 0 && !source.endsWith('\n'))
    problems.push('end of file: no newline after the last line');
  return problems;
}
