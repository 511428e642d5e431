/**
 * The line scanner of the `terraform fmt` checker (fmt.ts): splits Terraform source into the
 * logical lines hclwrite formats, with the bracket depth, the `=` of the assign cell and the
 * trailing comment of each, following strings, interpolations, heredocs and block comments.
 */

/** One logical line as hclwrite sees it (a heredoc and its body are one line). */
export interface LogicalLine {
  /** Physical lines; all but the first are verbatim (heredoc body, block comment). */
  text: string[];
  blank: boolean;
  /** Offsets in text[0], without its indentation, of what the formatter moves. */
  content: string;
  /** Net bracket change of the code outside a trailing comment. */
  netBrackets: number;
  /** Where the assign cell (`= ...`) starts in `content`, or -1. */
  assignAt: number;
  /** Where the trailing comment starts in `content`, or -1. */
  commentAt: number;
}

interface LineScan {
  /** Net bracket change before the trailing comment. */
  net: number;
  /** Positions (in the line) of `=` tokens in code, with the net bracket change after each. */
  equals: Array<{ at: number; netAfter: number }>;
  /** Position of a `#`, `//` or `/*` comment that runs to the end of the line, or -1. */
  commentAt: number;
  /** The line opens a heredoc with this marker. */
  heredoc?: string;
  /** The line opens a block comment that does not close on it. */
  openBlockComment: boolean;
  /** The first token of the line is a comment. */
  startsWithComment: boolean;
}

type Context = 'bracket' | 'brace' | 'string' | 'interp';

/** Scans one physical line, continuing the string/interpolation state of previous lines. */
function scanLine(line: string, stack: Context[]): LineScan {
  const scan: LineScan = {
    net: 0,
    equals: [],
    commentAt: -1,
    openBlockComment: false,
    startsWithComment: false,
  };
  const inString = () => stack[stack.length - 1] === 'string';
  let sawToken = false;
  let i = 0;
  while (i < line.length) {
    const c = line[i];
    const next = line[i + 1] ?? '';
    if (inString()) {
      if (c === '\\') {
        i += 2;
        continue;
      }
      if ((c === '$' || c === '%') && next === c && line[i + 2] === '{') {
        i += 3; // $${ and %%{ are literal
        continue;
      }
      if ((c === '$' || c === '%') && next === '{') {
        stack.push('interp');
        scan.net += 1;
        i += 2;
        continue;
      }
      if (c === '"') stack.pop();
      i += 1;
      continue;
    }
    if (c === ' ' || c === '\t' || c === '\r') {
      i += 1;
      continue;
    }
    if (c === '#' || (c === '/' && next === '/')) {
      scan.commentAt = i;
      scan.startsWithComment = !sawToken;
      break;
    }
    if (c === '/' && next === '*') {
      const end = line.indexOf('*/', i + 2);
      if (end < 0) {
        scan.commentAt = i;
        scan.startsWithComment = !sawToken;
        scan.openBlockComment = true;
        break;
      }
      i = end + 2;
      sawToken = true;
      continue;
    }
    sawToken = true;
    if (c === '"') {
      stack.push('string');
    } else if (c === '{') {
      stack.push('brace');
      scan.net += 1;
    } else if (c === '[' || c === '(') {
      stack.push('bracket');
      scan.net += 1;
    } else if (c === '}' || c === ']' || c === ')') {
      stack.pop();
      scan.net -= 1;
    } else if (c === '<' && next === '<') {
      const heredoc = /^<<-?([A-Za-z_][A-Za-z0-9_-]*)\s*$/.exec(line.slice(i));
      if (heredoc) {
        scan.heredoc = heredoc[1];
        break;
      }
      i += 2;
      continue;
    } else if (c === '=') {
      const prev = line[i - 1] ?? '';
      if (next === '=' || next === '>' || '=!<>'.includes(prev)) {
        i += next === '=' || next === '>' ? 2 : 1;
        continue;
      }
      scan.equals.push({ at: i, netAfter: 0 });
    }
    i += 1;
  }
  // Net bracket change after each `=`: recount on the slice (cheap; lines are short).
  for (const eq of scan.equals) {
    eq.netAfter = bracketChange(
      line.slice(eq.at, scan.commentAt < 0 ? line.length : scan.commentAt),
    );
  }
  return scan;
}

/** Net bracket change of a piece of code that starts and ends outside strings. */
function bracketChange(code: string): number {
  const stack: Context[] = [];
  let net = 0;
  for (let i = 0; i < code.length; i++) {
    const c = code[i];
    const top = stack[stack.length - 1];
    if (top === 'string') {
      if (c === '\\') i += 1;
      else if ((c === '$' || c === '%') && code[i + 1] === c) i += 2;
      else if ((c === '$' || c === '%') && code[i + 1] === '{') {
        stack.push('interp');
        net += 1;
        i += 1;
      } else if (c === '"') stack.pop();
      continue;
    }
    if (c === '"') stack.push('string');
    else if ('{[('.includes(c)) {
      stack.push('bracket');
      net += 1;
    } else if ('}])'.includes(c)) {
      stack.pop();
      net -= 1;
    }
  }
  return net;
}

/** One space on each side of every `=` in code (hclwrite's default token spacing). */
function spaceEquals(line: string, equals: number[]): string {
  let result = '';
  let last = 0;
  for (const at of equals) {
    result += `${line.slice(last, at).trimEnd()} =`;
    const rest = line.slice(at + 1);
    const trimmed = rest.trimStart();
    last = at + 1 + (rest.length - trimmed.length);
    if (trimmed.length > 0) result += ' ';
  }
  return result + line.slice(last);
}

export function toLogicalLines(source: string): LogicalLine[] {
  const physical = source.split('\n');
  const lines: LogicalLine[] = [];
  const stack: Context[] = [];
  for (let p = 0; p < physical.length; p++) {
    const raw = physical[p];
    const stringContinues = stack[stack.length - 1] === 'string';
    const scan = scanLine(raw, stack);
    const indentLength = raw.length - raw.trimStart().length;
    const logical: LogicalLine = {
      text: [raw],
      blank: raw.trim() === '' && !stringContinues,
      content: '',
      netBrackets: scan.net,
      assignAt: -1,
      commentAt: -1,
    };
    if (!logical.blank) {
      const equals = scan.equals.map(eq => eq.at - indentLength);
      const body = raw.slice(indentLength);
      const spaced = spaceEquals(
        scan.commentAt < 0
          ? body
          : body.slice(0, scan.commentAt - indentLength),
        equals,
      );
      const code = scan.commentAt < 0 ? spaced.trimEnd() : spaced;
      const comment =
        scan.commentAt < 0 ? '' : raw.slice(scan.commentAt).trimEnd();
      if (scan.commentAt >= 0 && !scan.startsWithComment) {
        logical.content = `${code.trimEnd()} ${comment}`;
        logical.commentAt = code.trimEnd().length + 1;
      } else {
        logical.content = code + comment;
      }
      // The first `=` after the first token starts the assign cell when the rest balances.
      const first = scan.equals[0];
      if (first && first.netAfter === 0 && first.at > indentLength) {
        const before = code.split(/\s*=/, 1)[0];
        if (before.trim().length > 0) logical.assignAt = before.length + 1;
      }
    }
    if (scan.heredoc) {
      // The body and the closing marker belong to this line and are left as written.
      while (p + 1 < physical.length) {
        p += 1;
        logical.text.push(physical[p]);
        if (physical[p].trim() === scan.heredoc) break;
      }
    } else if (scan.openBlockComment) {
      while (p + 1 < physical.length && !physical[p].includes('*/', 0)) {
        p += 1;
        logical.text.push(physical[p]);
        if (physical[p].includes('*/')) break;
      }
    }
    lines.push(logical);
  }
  return lines;
}
