import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fromRepoRoot } from '../src';

/**
 * The generated scripts/fetch-secrets.sh, run against a stub `aws` CLI: its output must be safe
 * to `eval` whatever a secret contains, and it must use the developer's SSO profile.
 */

const TEMPLATE = fromRepoRoot(
  'templates/zeroops-service/skeleton/scripts/fetch-secrets.sh.njk',
);

/** Secrets an attacker or an unlucky generator could produce. */
const PASSWORD = `p@ss $(touch pwned) \`touch pwned2\` "dq" 'sq' \\ ; | & *\nsecond line\n`;
const API_KEY = "key with spaces and $HOME and '\n";

function render(dir: string): string {
  const script = fs
    .readFileSync(TEMPLATE, 'utf8')
    .replaceAll('${{ values.serviceName }}', 'payments-api')
    .replaceAll('${{ values.awsRegion }}', 'us-east-1');
  const file = path.join(dir, 'fetch-secrets.sh');
  fs.writeFileSync(file, script, { mode: 0o755 });
  return file;
}

/** A fake AWS CLI answering the calls the script makes; it logs its arguments. */
function stubAws(dir: string, signedIn: boolean) {
  const bin = path.join(dir, 'bin');
  fs.mkdirSync(bin);
  const answers = path.join(dir, 'answers');
  fs.mkdirSync(answers);
  fs.writeFileSync(
    path.join(answers, 'database.json'),
    JSON.stringify(
      JSON.stringify({ username: 'app_user', password: PASSWORD }),
    ),
  );
  fs.writeFileSync(path.join(answers, 'api-key.json'), JSON.stringify(API_KEY));
  fs.writeFileSync(
    path.join(answers, 'list.json'),
    JSON.stringify(['payments-api/staging/api-key']),
  );
  fs.writeFileSync(
    path.join(bin, 'aws'),
    `#!/usr/bin/env bash
printf '%s\\n' "$*" >> ${JSON.stringify(path.join(dir, 'aws.log'))}
answers=${JSON.stringify(answers)}
case "$*" in
  *"sts get-caller-identity"*) ${
    signedIn ? 'echo "{}"' : 'echo "Error loading SSO Token" >&2; exit 255'
  } ;;
  *"rds describe-db-clusters"*) echo "arn:aws:secretsmanager:us-east-1:222222222222:secret:rds!cluster-1" ;;
  *"secretsmanager list-secrets"*) cat "$answers/list.json" ;;
  *"get-secret-value"*"rds!cluster"*) cat "$answers/database.json" ;;
  *"get-secret-value"*"api-key"*) cat "$answers/api-key.json" ;;
  *) echo "unexpected call: $*" >&2; exit 2 ;;
esac
`,
    { mode: 0o755 },
  );
  return bin;
}

function run(dir: string, signedIn: boolean, env: Record<string, string> = {}) {
  const script = render(dir);
  const bin = stubAws(dir, signedIn);
  const environment: NodeJS.ProcessEnv = {
    PATH: `${bin}:${process.env.PATH}`,
    HOME: dir,
    ...env,
  };
  delete environment.AWS_PROFILE;
  Object.assign(environment, env);
  return spawnSync('bash', [script, 'staging'], {
    cwd: dir,
    env: environment,
    encoding: 'utf8',
  });
}

describe('scripts/fetch-secrets.sh', () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fetch-secrets-'));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('prints export lines that eval back to the exact values without running anything', () => {
    const fetched = run(dir, true);
    expect(fetched.stderr).toBe('');
    expect(fetched.status).toBe(0);
    const outputFile = path.join(dir, 'output.sh');
    fs.writeFileSync(outputFile, fetched.stdout);

    // What the README tells developers to do, in a clean bash; the values come back as JSON.
    const evaluated = spawnSync(
      'bash',
      [
        '-c',
        'eval "$(cat output.sh)"; jq -n --arg u "$DATABASE_USER" --arg p "$DATABASE_PASSWORD" --arg k "$API_KEY" \'{u:$u,p:$p,k:$k}\'',
      ],
      {
        cwd: dir,
        encoding: 'utf8',
        env: { PATH: process.env.PATH },
        // A socket on stdin makes Debian's bash read ~/.bashrc: give it none.
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    expect(evaluated.stderr).toBe('');
    expect(JSON.parse(evaluated.stdout)).toEqual({
      u: 'app_user',
      p: PASSWORD,
      k: API_KEY,
    });
    expect(fs.existsSync(path.join(dir, 'pwned'))).toBe(false);
    expect(fs.existsSync(path.join(dir, 'pwned2'))).toBe(false);
    // Nothing was written next to the script: the secrets exist only in the output.
    expect(fs.readdirSync(dir).sort()).toEqual([
      'answers',
      'aws.log',
      'bin',
      'fetch-secrets.sh',
      'output.sh',
    ]);
  });

  it("uses the developer's SSO profile for every call", () => {
    expect(run(dir, true).status).toBe(0);
    const calls = fs
      .readFileSync(path.join(dir, 'aws.log'), 'utf8')
      .trim()
      .split('\n');
    expect(calls[0]).toMatch(
      /^--profile payments-api-staging .*sts get-caller-identity/,
    );
    expect(
      calls.every(c => c.startsWith('--profile payments-api-staging ')),
    ).toBe(true);

    const custom = fs.mkdtempSync(path.join(os.tmpdir(), 'fetch-secrets-'));
    try {
      expect(run(custom, true, { AWS_PROFILE: 'my-sso' }).status).toBe(0);
      expect(fs.readFileSync(path.join(custom, 'aws.log'), 'utf8')).toMatch(
        /^--profile my-sso /,
      );
    } finally {
      fs.rmSync(custom, { recursive: true, force: true });
    }
  });

  it('tells the developer to sign in when the SSO session is missing, and prints nothing', () => {
    const result = run(dir, false);
    expect(result.status).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain(
      'run aws sso login --profile payments-api-staging',
    );
    const calls = fs.readFileSync(path.join(dir, 'aws.log'), 'utf8');
    expect(calls).not.toContain('secretsmanager');
  });

  it('passes shellcheck', () => {
    const result = spawnSync('shellcheck', ['-s', 'bash', render(dir)], {
      encoding: 'utf8',
    });
    if (result.error) throw result.error;
    expect(result.stdout + result.stderr).toBe('');
    expect(result.status).toBe(0);
  });
});
