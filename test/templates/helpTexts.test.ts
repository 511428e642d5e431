/**
 * The scaffolder renders a template's descriptions, help texts and output texts as markdown,
 * where `<service>` or `pr-<n>` outside a code span is an (unknown) HTML tag and disappears:
 * "Production is <service>.<domain>" showed as "Production is .". Placeholders must be written
 * as code (`<service>`) or in words.
 */
import fs from 'node:fs';
import path from 'node:path';
import yaml from 'yaml';
import { TEMPLATES_DIR } from './lib/backend';

/** Keys whose string values the scaffolder shows to the user as markdown. */
const RENDERED_KEYS = new Set([
  'title',
  'description',
  'ui:help',
  'ui:description',
  'content',
]);

/** Every rendered text of a template entity, with where it is. */
function renderedTexts(
  value: unknown,
  at: string,
): Array<{ at: string; text: string }> {
  if (Array.isArray(value)) {
    return value.flatMap((item, i) => renderedTexts(item, `${at}[${i}]`));
  }
  if (value && typeof value === 'object') {
    return Object.entries(value).flatMap(([key, child]) =>
      typeof child === 'string' && RENDERED_KEYS.has(key)
        ? [{ at: `${at}.${key}`, text: child }]
        : renderedTexts(child, `${at}.${key}`),
    );
  }
  return [];
}

/** Raw HTML-like tags outside fenced code blocks and code spans. */
function rawTagsOutsideCode(markdown: string): string[] {
  const prose = markdown
    .replace(/```[\s\S]*?```/g, '')
    .replace(/(`+)[\s\S]*?\1/g, '');
  return prose.match(/<\/?[A-Za-z][^<>\n]*>/g) ?? [];
}

const templateNames = fs
  .readdirSync(TEMPLATES_DIR, { withFileTypes: true })
  .filter(entry =>
    fs.existsSync(path.join(TEMPLATES_DIR, entry.name, 'template.yaml')),
  )
  .map(entry => entry.name);

describe('template help texts', () => {
  it('finds a raw placeholder and ignores code spans', () => {
    expect(rawTagsOutsideCode('Production is <service>.<domain>.')).toEqual([
      '<service>',
      '<domain>',
    ]);
    expect(
      rawTagsOutsideCode('Production is `<service>.<domain>`; ``pr-<n>``'),
    ).toEqual([]);
    expect(rawTagsOutsideCode('```\n<service>\n```\nok')).toEqual([]);
  });

  it('covers every template', () => {
    expect(templateNames).toEqual(
      expect.arrayContaining([
        'zeroops-service',
        'zeroops-adopt',
        'zeroops-foundation',
      ]),
    );
  });

  it.each(templateNames)(
    '%s writes placeholders as code so the scaffolder shows them',
    name => {
      const template = yaml.parse(
        fs.readFileSync(
          path.join(TEMPLATES_DIR, name, 'template.yaml'),
          'utf8',
        ),
      );
      const texts = [
        ...renderedTexts(template.metadata, 'metadata'),
        ...renderedTexts(template.spec?.parameters, 'spec.parameters'),
        ...renderedTexts(template.spec?.output, 'spec.output'),
      ];
      expect(texts.length).toBeGreaterThan(0);
      const offending = texts
        .map(({ at, text }) => ({ at, tags: rawTagsOutsideCode(text) }))
        .filter(({ tags }) => tags.length > 0);
      expect(offending).toEqual([]);
    },
  );
});
