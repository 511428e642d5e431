import type { HclValue, TerraformModule } from './hcl.ts';

/**
 * Generates the inputs/outputs tables of a module README from its parsed HCL, between the
 * markers terraform-docs uses, so `terraform-docs` users and our stale-README test agree.
 */

export const BEGIN_MARKER = '<!-- BEGIN_TF_DOCS -->';
export const END_MARKER = '<!-- END_TF_DOCS -->';

/** `${string}` -> `string`; expressions keep their source text, whitespace collapsed. */
function expressionText(value: HclValue | undefined): string {
  if (typeof value !== 'string') return JSON.stringify(value ?? null);
  const inner = /^\$\{([\s\S]*)\}$/.exec(value);
  return (inner ? inner[1] : value).replace(/\s+/g, ' ').trim();
}

/** Markdown table cell: pipes and stars escaped, `<name>` placeholders kept visible, lines joined. */
function cell(text: string): string {
  return text
    .trim()
    .replace(/\|/g, '\\|')
    .replace(/\*/g, '\\*')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/\r?\n/g, '<br>');
}

function code(text: string): string {
  return `\`${text.replace(/`/g, "'")}\``;
}

/** Code span inside a table cell: only pipes need escaping there. */
function codeCell(text: string): string {
  return code(text.replace(/\r?\n/g, ' ')).replace(/\|/g, '\\|');
}

function defaultText(value: HclValue): string {
  return JSON.stringify(value);
}

type Alignment = 'left' | 'center';

/**
 * A Markdown table laid out the way Prettier prints it (padded columns, centred columns split
 * the padding), so that `prettier --check` and the stale-README test agree on the same text.
 */
function table(
  headers: string[],
  alignments: Alignment[],
  rows: string[][],
): string[] {
  const widths = headers.map((h, i) =>
    Math.max(3, [...h].length, ...rows.map(r => [...r[i]].length)),
  );
  const pad = (text: string, i: number) => {
    const space = widths[i] - [...text].length;
    if (alignments[i] === 'center') {
      const left = Math.floor(space / 2);
      return ' '.repeat(left) + text + ' '.repeat(space - left);
    }
    return text + ' '.repeat(space);
  };
  const line = (cells: string[]) => `| ${cells.map(pad).join(' | ')} |`;
  const separator = widths.map((w, i) =>
    alignments[i] === 'center' ? `:${'-'.repeat(w - 2)}:` : '-'.repeat(w),
  );
  return [line(headers), `| ${separator.join(' | ')} |`, ...rows.map(line)];
}

export function renderReadmeTables(module: TerraformModule): string {
  const variables = [...module.variables].sort((a, b) => {
    const requiredA = !('default' in a.body);
    const requiredB = !('default' in b.body);
    if (requiredA !== requiredB) return requiredA ? -1 : 1;
    return a.name.localeCompare(b.name);
  });
  const inputs = variables.map(v => {
    const required = !('default' in v.body);
    const description =
      typeof v.body.description === 'string' ? v.body.description : '';
    return [
      code(v.name),
      cell(description),
      codeCell(expressionText(v.body.type)),
      required ? 'n/a' : codeCell(defaultText(v.body.default as HclValue)),
      required ? 'yes' : 'no',
    ];
  });
  const outputs = [...module.outputs]
    .sort((a, b) => a.name.localeCompare(b.name))
    .map(o => [
      code(o.name),
      cell(typeof o.body.description === 'string' ? o.body.description : ''),
    ]);
  return [
    BEGIN_MARKER,
    '',
    '## Inputs',
    '',
    ...table(
      ['Name', 'Description', 'Type', 'Default', 'Required'],
      ['left', 'left', 'left', 'left', 'center'],
      inputs,
    ),
    '',
    '## Outputs',
    '',
    ...table(['Name', 'Description'], ['left', 'left'], outputs),
    '',
    END_MARKER,
  ].join('\n');
}

/** The README with its generated section replaced (or appended when there is none yet). */
export function updateReadme(readme: string, tables: string): string {
  const begin = readme.indexOf(BEGIN_MARKER);
  const end = readme.indexOf(END_MARKER);
  if (begin >= 0 && end > begin) {
    return (
      readme.slice(0, begin) + tables + readme.slice(end + END_MARKER.length)
    );
  }
  return `${readme.replace(/\s*$/, '')}\n\n${tables}\n`;
}
