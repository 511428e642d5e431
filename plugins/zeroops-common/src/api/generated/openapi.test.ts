import { execFileSync } from 'node:child_process';
import path from 'node:path';

describe('src/api/generated/openapi.ts', () => {
  it('matches plugins/zeroops-backend/src/schema/openapi.yaml (run `yarn generate:api-types` after editing it)', () => {
    // openapi-typescript is ESM only, so the script runs in its own Node process; it exits 1
    // and says which file to regenerate when the checked-in types drift from the spec.
    const script = path.resolve(
      __dirname,
      '../../../scripts/generate-api-types.mjs',
    );
    expect(() =>
      execFileSync(process.execPath, [script, '--check'], { stdio: 'pipe' }),
    ).not.toThrow();
    // A cold Node process loading the generator takes seconds on a loaded machine.
  }, 60_000);
});
