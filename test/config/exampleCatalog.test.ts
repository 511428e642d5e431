/**
 * The example catalog (catalog/all.yaml) is loaded next to whatever catalog the adopting app
 * already has. Most apps start from `@backstage/create-app`, whose examples are registered by
 * default: an entity of ours with the same ref would make the catalog reject one of the two
 * ("conflicting entity") or, worse, replace the app's own user.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseAllDocuments } from 'yaml';
import { Entity, stringifyEntityRef } from '@backstage/catalog-model';

const repoRoot = path.resolve(__dirname, '../..');

/**
 * Entity refs of a fresh app's examples, from
 * https://github.com/backstage/backstage/tree/master/packages/create-app/templates/default-app/examples
 * (org.yaml, entities.yaml, template/template.yaml).
 */
const CREATE_APP_EXAMPLE_REFS = [
  'user:default/guest',
  'group:default/guests',
  'system:default/examples',
  'component:default/example-website',
  'api:default/example-grpc-api',
  'template:default/example-nodejs-template',
];

/** Files a `file` location target names: relative paths and `*` in the last segment. */
function expandTarget(from: string, target: string): string[] {
  const full = path.resolve(path.dirname(from), target);
  if (!full.includes('*')) return [full];
  const [dir, pattern] = [path.dirname(full), path.basename(full)];
  const parent = path.dirname(dir);
  const dirs = dir.endsWith('*')
    ? fs
        .readdirSync(parent, { withFileTypes: true })
        .filter(e => e.isDirectory())
        .map(e => path.join(parent, e.name))
    : [dir];
  const matcher = new RegExp(
    `^${pattern.replace(/\./g, '\\.').replace(/\*/g, '.*')}$`,
  );
  return dirs.flatMap(d =>
    fs.existsSync(d)
      ? fs
          .readdirSync(d)
          .filter(name => matcher.test(name))
          .map(name => path.join(d, name))
      : [],
  );
}

/** Every entity reachable from a catalog file, following Location targets. */
function entitiesFrom(file: string, seen = new Set<string>()): Entity[] {
  if (seen.has(file)) return [];
  seen.add(file);
  const entities = parseAllDocuments(fs.readFileSync(file, 'utf8'))
    .map(doc => doc.toJSON() as Entity | null)
    .filter((e): e is Entity => Boolean(e?.kind));
  return entities.flatMap(entity => {
    const targets = (entity.spec?.targets as string[] | undefined) ?? [];
    return [
      entity,
      ...(entity.kind === 'Location'
        ? targets.flatMap(t =>
            expandTarget(file, t).flatMap(f => entitiesFrom(f, seen)),
          )
        : []),
    ];
  });
}

describe('example catalog', () => {
  const entities = entitiesFrom(path.join(repoRoot, 'catalog/all.yaml'));
  const refs = entities.map(entity => stringifyEntityRef(entity));

  it('reads the demo organisation, services and templates', () => {
    expect(refs).toEqual(
      expect.arrayContaining([
        'user:default/zeroops-demo-user',
        'group:default/team-checkout',
        'system:default/checkout',
        'component:default/payments-api',
        'template:default/zeroops-service',
      ]),
    );
  });

  it("defines none of the entities a fresh Backstage app's examples define", () => {
    expect(refs.filter(ref => CREATE_APP_EXAMPLE_REFS.includes(ref))).toEqual(
      [],
    );
  });

  it('the guest sign-in of the embedded default resolves to a user of the example catalog', () => {
    const config = parseAllDocuments(
      fs.readFileSync(path.join(repoRoot, 'app-config.yaml'), 'utf8'),
    )[0].toJSON();
    const guest = config.auth.providers.guest;
    expect(refs).toContain(guest.userEntityRef);
    for (const ref of guest.ownershipEntityRefs) expect(refs).toContain(ref);
  });
});
