import { checkTerraformFormatting, formatTerraform } from './fmt';

/**
 * Input/output pairs of hclwrite's own formatter tests (hashicorp/hcl, hclwrite/format_test.go,
 * `TestFormat`), transcribed for the rules fmt.ts covers. hclwrite.Format is what
 * `terraform fmt` runs.
 */
const HCLWRITE_CASES: Array<[string, string]> = [
  ['a=1', 'a = 1'],
  ['a=b.c', 'a = b.c'],
  ['a=b[c]', 'a = b[c]'],
  ['a=b()[c]', 'a = b()[c]'],
  ['a=["hello"][0]', 'a = ["hello"][0]'],
  ['[for x in [y]: x]', '[for x in [y]: x]'],
  ['\n"${\nhello\n}"\n', '\n"${\n  hello\n}"\n'],
  ['\n[\n[\na\n]\n]\n', '\n[\n  [\n    a\n  ]\n]\n'],
  ['\n[[\na\n]]\n', '\n[[\n  a\n]]\n'],
  ['\n[[\n[\na\n]\n]]\n', '\n[[\n  [\n    a\n  ]\n]]\n'],
  // degenerate case with asymmetrical brackets
  ['\n[[\n[\na\n]]\n]\n', '\n[[\n  [\n    a\n  ]]\n]\n'],
  ['\nb {\na = 1\n}\n', '\nb {\n  a = 1\n}\n'],
  ['\na = 1\nbungle = 2\n', '\na      = 1\nbungle = 2\n'],
  ['\na = 1\n\nbungle = 2\n', '\na = 1\n\nbungle = 2\n'],
  ['\na = 1 # foo\nbungle = 2\n', '\na      = 1 # foo\nbungle = 2\n'],
  [
    '\na = 1 # foo\nbungle = "bonce" # baz\n',
    '\na      = 1       # foo\nbungle = "bonce" # baz\n',
  ],
  [
    '\n# here we go\na = 1 # foo\nbungle = "bonce" # baz\n',
    '\n# here we go\na      = 1       # foo\nbungle = "bonce" # baz\n',
  ],
  [
    '\nfoo {} # here we go\na = 1 # foo\nbungle = "bonce" # baz\n',
    '\nfoo {}           # here we go\na      = 1       # foo\nbungle = "bonce" # baz\n',
  ],
  [
    '\na = 1 # foo\nbungle = "bonce" # baz\nzebra = "striped" # baz\n',
    '\na      = 1         # foo\nbungle = "bonce"   # baz\nzebra  = "striped" # baz\n',
  ],
  [
    '\na = 1 # foo\nbungle = (\n    "bonce"\n) # baz\nzebra = "striped" # baz\n',
    '\na = 1 # foo\nbungle = (\n  "bonce"\n)                 # baz\nzebra = "striped" # baz\n',
  ],
  [
    '\n𝒜 = 1 # foo\nbungle = "🇬🇧" # baz\nzebra = "striped" # baz\n',
    '\n𝒜      = 1         # foo\nbungle = "🇬🇧"       # baz\nzebra  = "striped" # baz\n',
  ],
  ['\nfoo {\n# ...\n}\n', '\nfoo {\n  # ...\n}\n'],
  ['\nfoo = {\n# ...\n}\n', '\nfoo = {\n  # ...\n}\n'],
  ['\nfoo = [\n# ...\n]\n', '\nfoo = [\n  # ...\n]\n'],
  ['\nfoo = [{\n# ...\n}]\n', '\nfoo = [{\n  # ...\n}]\n'],
  ['\nfoo {\nbar {\n# ...\n}\n}\n', '\nfoo {\n  bar {\n    # ...\n  }\n}\n'],
  [
    '\nfoo {\nbar = {\n# ...\n}\n}\n',
    '\nfoo {\n  bar = {\n    # ...\n  }\n}\n',
  ],
  [
    '\nfoo {\nbar = [\n# ...\n]\n}\n',
    '\nfoo {\n  bar = [\n    # ...\n  ]\n}\n',
  ],
];

/** The text as written before formatting: one space before every `=`. */
const withoutAlignment = (text: string) => text.replace(/(\S) +=/g, '$1 =');

describe('formatTerraform', () => {
  it.each(HCLWRITE_CASES)('formats %j as hclwrite does', (input, expected) => {
    expect(formatTerraform(input)).toBe(expected);
    // Formatting is idempotent.
    expect(formatTerraform(expected)).toBe(expected);
  });

  it('aligns the = of a run of attributes, broken by a nested block, a comment line or an opening line', () => {
    const formatted = [
      'resource "aws_s3_bucket" "this" {',
      '  bucket        = "logs"',
      '  force_destroy = true',
      '  # the tags',
      '  tags = var.tags',
      '  versioning {',
      '    enabled = true',
      '  }',
      '  lifecycle_rule = {',
      '    id                           = "expire"',
      '    abort_incomplete_upload_days = 7',
      '  }',
      '  acl = "private"',
      '}',
      '',
    ].join('\n');
    expect(formatTerraform(withoutAlignment(formatted))).toBe(formatted);
  });

  it('keeps a one-line object in the run and quoted keys aligned', () => {
    const input =
      'locals {\n  "a-b" = { x = 1 }\n  long_name = "${var.x}-y"\n  c = [1, 2]\n}\n';
    expect(formatTerraform(input)).toBe(
      'locals {\n  "a-b"     = { x = 1 }\n  long_name = "${var.x}-y"\n  c         = [1, 2]\n}\n',
    );
  });

  it('leaves heredoc bodies alone and aligns the heredoc attribute with its neighbours', () => {
    const input =
      'x {\n  a = 1\n  policy = <<EOT\n{\n   "Version": "2012-10-17"\n}\nEOT\n  b = 2\n}\n';
    expect(formatTerraform(input)).toBe(
      'x {\n  a      = 1\n  policy = <<EOT\n{\n   "Version": "2012-10-17"\n}\nEOT\n  b      = 2\n}\n',
    );
  });

  it('does not treat ==, !=, <=, >= or => as an assignment, nor = inside strings', () => {
    const input =
      'x {\n  condition = var.a == "b=c" && var.n >= 1\n  m = { for k, v in var.m : k => v }\n}\n';
    expect(formatTerraform(input)).toBe(
      'x {\n  condition = var.a == "b=c" && var.n >= 1\n  m         = { for k, v in var.m : k => v }\n}\n',
    );
  });

  it('removes trailing whitespace and re-indents closing brackets', () => {
    expect(
      formatTerraform('a {  \n      b = [  \n 1,\n        ]\n   }\n'),
    ).toBe('a {\n  b = [\n    1,\n  ]\n}\n');
  });
});

describe('checkTerraformFormatting', () => {
  it('accepts formatted text', () => {
    expect(checkTerraformFormatting('a {\n  b = 1\n}\n')).toEqual([]);
  });

  it('names the line and what terraform fmt writes there', () => {
    expect(checkTerraformFormatting('a {\n  bb = 1\n  c = 2\n}\n')).toEqual([
      'line 3: terraform fmt writes "  c  = 2", found "  c = 2"',
    ]);
  });

  it('flags more than one blank line and a missing final newline (house rules)', () => {
    expect(checkTerraformFormatting('a = 1\n\n\nb = 2')).toEqual([
      'line 3: more than one blank line',
      'end of file: no newline after the last line',
    ]);
  });
});
