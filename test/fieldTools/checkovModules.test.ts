import fs from 'node:fs';
import path from 'node:path';
import {
  CheckovResult,
  fromRepoRoot,
  recordToolRun,
  repoRoot,
  runCheckov,
} from '../src';
import {
  SKIP_REASON_CONVENTION,
  configSkips,
  inlineSkips,
  skipCovers,
} from '../terraform/lib/checkov-skips';
import { compositionDirs } from '../terraform/lib/repository';

/**
 * Checkov 3.3.30 (the version pinned in scripts/python-tools/requirements.txt and run by the
 * "checkov" job of .github/workflows/terraform.yml) on every example of the module library:
 * `<module>/examples/<name>` and the compositions `examples/<name>` (e.g. zeroops-portal).
 * Examples call modules by local "../../" sources, so Checkov evaluates the modules' resources
 * with the example's inputs.
 */

const MODULES_DIR = fromRepoRoot('terraform-modules');
const CONFIG_FILE = path.join(MODULES_DIR, '.checkov.yaml');
const FIXTURES_DIR = path.join(__dirname, 'fixtures');
// Each Checkov run takes several seconds of CPU; two at a time suit the shared test machine.
const CONCURRENCY = 2;

function examples(): string[] {
  const moduleExamples = fs
    .readdirSync(MODULES_DIR, { withFileTypes: true })
    .filter(entry => entry.isDirectory())
    .flatMap(module => {
      const dir = path.join(MODULES_DIR, module.name, 'examples');
      if (!fs.existsSync(dir)) return [];
      return fs
        .readdirSync(dir, { withFileTypes: true })
        .filter(entry => entry.isDirectory())
        .map(example => `${module.name}/examples/${example.name}`);
    });
  const compositions = compositionDirs(MODULES_DIR).map(dir =>
    path.relative(MODULES_DIR, dir),
  );
  return [...moduleExamples, ...compositions].sort();
}

async function inPool<T, R>(
  items: T[],
  size: number,
  run: (item: T) => Promise<R>,
): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await run(items[index]);
    }
  };
  await Promise.all(Array.from({ length: size }, worker));
  return results;
}

/** "CKV_AWS_20 S3 bucket ACL … — aws_s3_bucket.x (terraform-modules/cdn/main.tf:12)" */
function describeFindings(directory: string, result: CheckovResult): string[] {
  return result.findings.map(finding => {
    // Checkov gives module files relative to the scanned folder ("/../../main.tf").
    const file = path.relative(
      repoRoot,
      path.join(directory, finding.file.replace(/^\//, '')),
    );
    return `${finding.id} ${finding.name} — ${finding.resource} (${file}:${finding.line})`;
  });
}

describe('Checkov on the Terraform module examples', () => {
  const names = examples();
  const results = new Map<string, CheckovResult>();

  beforeAll(async () => {
    const runs = await inPool(names, CONCURRENCY, async name => ({
      name,
      result: await runCheckov(path.join(MODULES_DIR, name), {
        configFile: CONFIG_FILE,
      }),
    }));
    for (const { name, result } of runs) {
      results.set(name, result);
      recordToolRun({
        tool: 'checkov',
        scenario: `module ${name}`,
        passed: result.passed,
        failed: result.failed,
        skipped: result.skipped,
      });
    }
  }, 30 * 60_000);

  it('finds an example for every module, and the compositions', () => {
    expect(names).toContain('examples/zeroops-portal');
    const modules = fs
      .readdirSync(MODULES_DIR, { withFileTypes: true })
      .filter(entry =>
        fs.existsSync(path.join(MODULES_DIR, entry.name, 'main.tf')),
      )
      .map(entry => entry.name);
    expect(modules.length).toBeGreaterThanOrEqual(14);
    for (const module of modules) {
      expect(names.some(name => name.startsWith(`${module}/`))).toBe(true);
    }
  });

  it.each(examples())('%s passes with zero failed checks', name => {
    const result = results.get(name)!;
    expect(result.parsingErrors).toBe(0);
    // Checkov saw the module's resources, not only the module call.
    expect(result.resources).toBeGreaterThan(1);
    expect(result.passed).toBeGreaterThan(0);
    expect(describeFindings(path.join(MODULES_DIR, name), result)).toEqual([]);
    expect(result.failed).toBe(0);
  });

  it('reports every skip it applied, each with a reason naming the replacing control', () => {
    const applied = [...results.entries()].flatMap(([name, result]) =>
      result.skips.map(skip => ({ name, ...skip })),
    );
    expect(applied.length).toBeGreaterThan(0);
    const withoutReason = applied.filter(
      skip => !SKIP_REASON_CONVENTION.test(skip.reason),
    );
    expect(withoutReason).toEqual([]);
    // Every inline skip in the library takes effect in at least one example: no stale skips.
    const declared = inlineSkips(MODULES_DIR);
    const notApplied = declared.filter(
      skip =>
        !applied.some(
          a =>
            a.id === skip.id &&
            a.reason === skip.reason &&
            skipCovers(skip, a.resource),
        ),
    );
    expect(notApplied).toEqual([]);
  });
});

describe('Checkov skips', () => {
  it('gives every global skip in .checkov.yaml a reason naming the replacing control', () => {
    const skips = configSkips(CONFIG_FILE);
    expect(skips.length).toBeGreaterThan(0);
    const bad = skips.filter(skip => !SKIP_REASON_CONVENTION.test(skip.reason));
    expect(bad).toEqual([]);
  });

  it('gives every inline checkov:skip in the module library a reason naming the replacing control', () => {
    const skips = inlineSkips(MODULES_DIR);
    expect(skips.length).toBeGreaterThan(0);
    const bad = skips.filter(skip => !SKIP_REASON_CONVENTION.test(skip.reason));
    expect(bad).toEqual([]);
  });
});

describe('Checkov can fail the build', () => {
  it(
    'fails a public S3 bucket with the module library configuration',
    async () => {
      const result = await runCheckov(
        path.join(FIXTURES_DIR, 'checkov-public-bucket'),
        { configFile: CONFIG_FILE },
      );
      recordToolRun({
        // A row of its own: these failures are the expected outcome, not findings to fix.
        tool: 'checkov (must-fail fixture)',
        scenario: 'fixture checkov-public-bucket',
        passed: result.passed,
        failed: result.failed,
        skipped: result.skipped,
      });
      expect(result.parsingErrors).toBe(0);
      expect(result.failed).toBeGreaterThan(0);
      const ids = new Set(result.findings.map(finding => finding.id));
      // Public-read ACL (CKV_AWS_20) and the missing public access block settings (CKV_AWS_53..56).
      expect([...ids]).toEqual(
        expect.arrayContaining([
          'CKV_AWS_20',
          'CKV_AWS_53',
          'CKV_AWS_54',
          'CKV_AWS_55',
          'CKV_AWS_56',
        ]),
      );
    },
    10 * 60_000,
  );
});
