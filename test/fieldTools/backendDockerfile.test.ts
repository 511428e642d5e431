import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import {
  fromRepoRoot,
  parseCheckovReport,
  pythonTool,
  recordToolRun,
} from '../src';

/**
 * The production image of packages/backend cannot be built on the test machine (no Docker
 * engine; .github/workflows/portal-image.yml builds it on GitHub). This test proves statically
 * what a build would rely on: Backstage's multi-stage layout, a non-root runtime user without
 * compilers, build-context paths that exist and are not excluded by .dockerignore, build-stage
 * paths that `yarn build:backend` produces, and a start command whose configuration files
 * exist. Checkov's Dockerfile checks (the field's linter available offline) run on it too.
 */

const execFileAsync = promisify(execFile);
const DOCKERFILE = fromRepoRoot('packages/backend/Dockerfile');
const FIXTURES_DIR = path.join(__dirname, 'fixtures');

interface Instruction {
  keyword: string;
  args: string;
  line: number;
}

interface Stage {
  name?: string;
  from: string;
  instructions: Instruction[];
}

/** Instructions with their continuation lines joined; comments and parser directives dropped. */
function parseDockerfile(text: string): Instruction[] {
  const instructions: Instruction[] = [];
  let pending: { text: string; line: number } | undefined;
  text.split('\n').forEach((raw, index) => {
    const line = raw.trim();
    if (!pending && (line === '' || line.startsWith('#'))) return;
    if (pending && line.startsWith('#')) return;
    const continued = line.endsWith('\\');
    const content = continued ? line.slice(0, -1) : line;
    pending = pending
      ? { text: `${pending.text} ${content}`, line: pending.line }
      : { text: content, line: index + 1 };
    if (continued) return;
    const [keyword, ...rest] = pending.text.trim().split(/\s+/);
    instructions.push({
      keyword: keyword.toUpperCase(),
      args: rest.join(' '),
      line: pending.line,
    });
    pending = undefined;
  });
  return instructions;
}

function stagesOf(instructions: Instruction[]): Stage[] {
  const stages: Stage[] = [];
  for (const instruction of instructions) {
    if (instruction.keyword === 'FROM') {
      const [from, as, name] = instruction.args.split(/\s+/);
      stages.push({
        from,
        name: as?.toUpperCase() === 'AS' ? name : undefined,
        instructions: [],
      });
    } else {
      stages.at(-1)?.instructions.push(instruction);
    }
  }
  return stages;
}

interface Copy {
  from?: string;
  sources: string[];
  destination: string;
}

function copiesOf(stage: Stage): Copy[] {
  return stage.instructions
    .filter(i => i.keyword === 'COPY')
    .map(i => {
      const words = i.args.split(/\s+/);
      const flags = words.filter(w => w.startsWith('--'));
      const paths = words.filter(w => !w.startsWith('--'));
      const from = flags.find(f => f.startsWith('--from='))?.slice(7);
      return {
        from,
        sources: paths.slice(0, -1),
        destination: paths.at(-1)!,
      };
    });
}

/** Docker's .dockerignore semantics: globs on context paths, `**`, `!` re-includes, last match wins. */
function dockerignoreMatcher(text: string): (file: string) => boolean {
  const rules = text
    .split('\n')
    .map(line => line.trim())
    .filter(line => line !== '' && !line.startsWith('#'))
    .map(line => {
      const include = line.startsWith('!');
      const pattern = path.posix.normalize(include ? line.slice(1) : line);
      const source = pattern
        .split('/')
        .map(part =>
          part === '**'
            ? '.*'
            : part
                .replace(/[.+^${}()|[\]\\]/g, '\\$&')
                .replace(/\*/g, '[^/]*')
                .replace(/\?/g, '[^/]'),
        )
        .join('/')
        .replace(/\.\*\//g, '(?:.*/)?');
      return { include, regex: new RegExp(`^${source}$`) };
    });
  return file => {
    // A file is excluded when it or one of its parent folders matches (the last rule decides).
    const parts = file.split('/');
    let excluded = false;
    for (const rule of rules) {
      for (let depth = 1; depth <= parts.length; depth++) {
        if (rule.regex.test(parts.slice(0, depth).join('/'))) {
          excluded = !rule.include;
          break;
        }
      }
    }
    return excluded;
  };
}

const instructions = parseDockerfile(fs.readFileSync(DOCKERFILE, 'utf8'));
const stages = stagesOf(instructions);
const finalStage = stages.at(-1)!;
const stageNamed = (name: string) => stages.find(s => s.name === name)!;
const runsIn = (stage: Stage) =>
  stage.instructions
    .filter(i => i.keyword === 'RUN')
    .map(i => i.args)
    .join('\n');

describe('packages/backend/Dockerfile', () => {
  it("builds in Backstage's multi-stage layout: package skeleton, build, production dependencies, runtime", () => {
    expect(stages.map(s => s.name)).toEqual([
      'base',
      'packages',
      'build',
      'production-dependencies',
      undefined,
    ]);
    expect(stages.slice(1).map(s => s.from)).toEqual([
      'base',
      'base',
      'base',
      'base',
    ]);
    const build = runsIn(stageNamed('build'));
    expect(build).toMatch(/\binstall --immutable\b/);
    expect(build).toMatch(/\btsc\b/);
    expect(build).toMatch(/\bbuild:backend\b/);
    expect(runsIn(stageNamed('production-dependencies'))).toMatch(
      /workspaces focus --all --production/,
    );
  });

  it('runs the Node.js release that make start runs (scripts/lib/env.sh), by an exact tag', () => {
    const env = fs.readFileSync(fromRepoRoot('scripts/lib/env.sh'), 'utf8');
    const version = /^ZEROOPS_NODE_VERSION="([0-9.]+)"/m.exec(env)?.[1];
    expect(version).toMatch(/^24\.\d+\.\d+$/);
    expect(stages[0].from).toBe(`node:${version}-bookworm-slim`);
  });

  it('runs as the unprivileged node user, with no compilers or package lists in the runtime image', () => {
    const users = finalStage.instructions.filter(i => i.keyword === 'USER');
    expect(users.map(u => u.args)).toEqual(['node']);
    // USER comes after every instruction that writes files as root.
    const userIndex = finalStage.instructions.indexOf(users[0]);
    expect(
      finalStage.instructions
        .slice(userIndex)
        .filter(i => ['RUN', 'COPY', 'ADD'].includes(i.keyword)),
    ).toEqual([]);
    expect(runsIn(finalStage)).toBe('');
    // The compilers better-sqlite3 needs are installed only where dependencies are built.
    const compilerStages = stages
      .filter(s => /apt-get install[^\n]*\bg\+\+/.test(runsIn(s)))
      .map(s => s.name);
    expect(compilerStages).toEqual(['build', 'production-dependencies']);
  });

  it('starts the backend with app-config.yaml and app-config.production.yaml, both copied into the image', () => {
    const cmd = finalStage.instructions.filter(i => i.keyword === 'CMD');
    expect(cmd).toHaveLength(1);
    expect(JSON.parse(cmd[0].args)).toEqual([
      'node',
      'packages/backend',
      '--config',
      'app-config.yaml',
      '--config',
      'app-config.production.yaml',
    ]);
    const copied = copiesOf(finalStage)
      .filter(c => !c.from)
      .flatMap(c => c.sources);
    for (const config of ['app-config.yaml', 'app-config.production.yaml']) {
      expect(copied).toContain(config);
      expect(fs.existsSync(fromRepoRoot(config))).toBe(true);
    }
    expect(
      finalStage.instructions.some(
        i => i.keyword === 'HEALTHCHECK' && i.args.includes('/.backstage/'),
      ),
    ).toBe(true);
  });

  it('copies from the build context only paths that exist and that .dockerignore lets through', () => {
    const ignored = dockerignoreMatcher(
      fs.readFileSync(fromRepoRoot('.dockerignore'), 'utf8'),
    );
    const problems: string[] = [];
    const sources = stages.flatMap(stage =>
      copiesOf(stage)
        .filter(c => !c.from)
        .flatMap(c => c.sources),
    );
    expect(sources.length).toBeGreaterThan(5);
    for (const source of sources) {
      if (!fs.existsSync(fromRepoRoot(source)))
        problems.push(`${source}: missing`);
      if (ignored(source))
        problems.push(`${source}: excluded by .dockerignore`);
    }
    expect(problems).toEqual([]);
    // The sources the build needs are in the context; host dependencies and output are not.
    for (const kept of [
      'packages/backend/src/index.ts',
      'plugins/zeroops-backend/src/index.ts',
      'test/package.json',
      '.yarn/releases',
    ])
      expect(`${kept}: ${ignored(kept)}`).toBe(`${kept}: false`);
    for (const dropped of [
      'node_modules',
      'plugins/zeroops-backend/node_modules/x',
      'packages/backend/dist/bundle.tar.gz',
      '.tools/node/bin/node',
      'app-config.local.yaml',
      'test/terraform/fmt.test.ts',
    ])
      expect(`${dropped}: ${ignored(dropped)}`).toBe(`${dropped}: true`);
  });

  it("copies from the build stage what `yarn build:backend` writes: the backend's skeleton and bundle", () => {
    const fromBuild = stages.flatMap(stage =>
      copiesOf(stage)
        .filter(c => c.from === 'build')
        .flatMap(c => c.sources),
    );
    expect(fromBuild).toEqual(
      expect.arrayContaining([
        '/app/packages/backend/dist/skeleton.tar.gz',
        '/app/packages/backend/dist/bundle.tar.gz',
      ]),
    );
    // `yarn build:backend` is `backstage-cli package build` of the backend package, whose backend
    // role writes dist/skeleton.tar.gz and dist/bundle.tar.gz (@backstage/cli-module-build).
    const root = JSON.parse(
      fs.readFileSync(fromRepoRoot('package.json'), 'utf8'),
    );
    expect(root.scripts['build:backend']).toBe('yarn workspace backend build');
    const backend = JSON.parse(
      fs.readFileSync(fromRepoRoot('packages/backend/package.json'), 'utf8'),
    );
    expect(backend.backstage.role).toBe('backend');
    expect(backend.scripts.build).toBe('backstage-cli package build');
    const packager = fs.readFileSync(
      fromRepoRoot(
        'node_modules/@backstage/cli-module-build/dist/lib/buildBackend.cjs.js',
      ),
      'utf8',
    );
    expect(packager).toContain('BUNDLE_FILE = "bundle.tar.gz"');
    expect(packager).toContain('SKELETON_FILE = "skeleton.tar.gz"');
  });
});

async function checkovDockerfile(file: string) {
  const args = [
    '--file',
    file,
    '--framework',
    'dockerfile',
    '--output',
    'json',
    '--compact',
    '--skip-download',
  ];
  const env = {
    ...process.env,
    BC_API_KEY: '',
    CHECKOV_RUN_SCA_PACKAGE_SCAN_V2: 'false',
  };
  try {
    const { stdout } = await execFileAsync(pythonTool('checkov'), args, {
      env,
      maxBuffer: 64 * 1024 * 1024,
    });
    return parseCheckovReport(stdout, path.dirname(file));
  } catch (error) {
    // Checkov exits 1 when a check fails; its report is still on stdout.
    const failure = error as { code?: number; stdout?: string };
    if (failure.code !== 1 || !failure.stdout) throw error;
    return parseCheckovReport(failure.stdout, path.dirname(file));
  }
}

describe("Checkov's Dockerfile checks", () => {
  it(
    'pass on packages/backend/Dockerfile with no skip',
    async () => {
      const result = await checkovDockerfile(DOCKERFILE);
      recordToolRun({
        tool: 'checkov',
        scenario: 'packages/backend/Dockerfile',
        passed: result.passed,
        failed: result.failed,
        skipped: result.skipped,
      });
      expect(result.parsingErrors).toBe(0);
      expect(result.passed).toBeGreaterThan(20);
      expect(result.findings.map(f => `${f.id} ${f.name}`)).toEqual([]);
      expect(result.skipped).toBe(0);
    },
    5 * 60_000,
  );

  it(
    'fail a Dockerfile that runs as root from an untagged image',
    async () => {
      const result = await checkovDockerfile(
        path.join(FIXTURES_DIR, 'dockerfile-root-untagged', 'Dockerfile'),
      );
      recordToolRun({
        tool: 'checkov (must-fail fixture)',
        scenario: 'fixture dockerfile-root-untagged',
        passed: result.passed,
        failed: result.failed,
        skipped: result.skipped,
      });
      expect(result.findings.map(f => f.id)).toEqual(
        expect.arrayContaining(['CKV_DOCKER_3', 'CKV_DOCKER_7']),
      );
    },
    5 * 60_000,
  );
});
