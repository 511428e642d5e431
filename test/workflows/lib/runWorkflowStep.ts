/**
 * Runs one `run:` step of a generated workflow the way a GitHub runner would (bash -eo pipefail,
 * the job's and the step's `env:`, GITHUB_OUTPUT), with stand-ins for `gh` and `aws` that record
 * every call. Expressions are resolved from an explicit table, and an expression the table does
 * not know fails the run: a test never passes on a value it did not choose.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export interface WorkflowStep {
  name?: string;
  id?: string;
  if?: string;
  uses?: string;
  run?: string;
  env?: Record<string, string | number | boolean>;
}

/** One call of the `gh` stand-in: its arguments and what it read on stdin. */
export interface GhCall {
  args: string[];
  input: string;
}

export interface StepResult {
  exitCode: number;
  output: string;
  outputs: Record<string, string>;
  ghCalls: GhCall[];
}

export interface StepRunOptions {
  /** Value of each `${{ expression }}` the job and step may use. */
  expressions: Record<string, string>;
  jobEnv?: Record<string, string | number | boolean>;
  /**
   * What `gh api` answers, by its request path (a bash regular expression; the first match
   * wins). `--paginate` pages are JSON documents one after the other.
   */
  ghAnswers?: Array<{ path: string; body: string }>;
  /** What `aws` prints, by its subcommand (e.g. `update-service`). */
  awsAnswers?: Record<string, string>;
}

/** The runner's own variables (docs.github.com "Default environment variables"). */
export const RUNNER_ENV = {
  GITHUB_REPOSITORY: 'acme/payments-api',
  GITHUB_SERVER_URL: 'https://github.com',
  GITHUB_RUN_ID: '987654321',
};

export function resolveExpressions(
  text: string,
  expressions: Record<string, string>,
): string {
  return text.replace(/\$\{\{\s*(.+?)\s*\}\}/g, (_, expression: string) => {
    if (!(expression in expressions)) {
      throw new Error(`No test value for \${{ ${expression} }}`);
    }
    return expressions[expression];
  });
}

// Bash stand-ins that start no other process: answers and records are plain files.
const FAKE_GH = `#!/usr/bin/env bash
set -euo pipefail
shopt -s nullglob
input=""
request=""
for arg in "$@"; do
  case "$arg" in
    --input) input="$(cat)" ;;
    repos/*) request="$arg" ;;
  esac
done
calls=("$FAKE_DIR"/calls/*.args)
call="$FAKE_DIR/calls/$(printf %04d "\${#calls[@]}")"
printf '%s\\n' "$@" > "$call.args"
printf '%s' "$input" > "$call.input"
for pattern_file in "$FAKE_DIR"/gh-answers/*.pattern; do
  if [[ "$request" =~ $(<"$pattern_file") ]]; then
    printf '%s' "$(<"\${pattern_file%.pattern}.body")"
    exit 0
  fi
done
printf '{}'
`;

const FAKE_AWS = `#!/usr/bin/env bash
set -euo pipefail
if [ ! -f "$FAKE_DIR/aws-answers/$2" ]; then
  echo "unexpected aws $*" >&2
  exit 1
fi
cat "$FAKE_DIR/aws-answers/$2"
`;

function stringEnv(
  env: Record<string, string | number | boolean> | undefined,
  expressions: Record<string, string>,
): Record<string, string> {
  return Object.fromEntries(
    Object.entries(env ?? {}).map(([key, value]) => [
      key,
      resolveExpressions(String(value), expressions),
    ]),
  );
}

function parseOutputs(file: string): Record<string, string> {
  const outputs: Record<string, string> = {};
  for (const line of fs.readFileSync(file, 'utf8').split('\n')) {
    const at = line.indexOf('=');
    if (at > 0) outputs[line.slice(0, at)] = line.slice(at + 1);
  }
  return outputs;
}

export function runWorkflowStep(
  step: WorkflowStep,
  options: StepRunOptions,
): StepResult {
  if (!step.run) throw new Error(`step "${step.name}" has no run script`);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'zeroops-step-'));
  try {
    fs.mkdirSync(path.join(dir, 'bin'));
    fs.mkdirSync(path.join(dir, 'calls'));
    fs.writeFileSync(path.join(dir, 'bin', 'gh'), FAKE_GH, { mode: 0o755 });
    fs.writeFileSync(path.join(dir, 'bin', 'aws'), FAKE_AWS, { mode: 0o755 });
    fs.mkdirSync(path.join(dir, 'gh-answers'));
    (options.ghAnswers ?? []).forEach((answer, index) => {
      const file = path.join(dir, 'gh-answers', String(index).padStart(2, '0'));
      fs.writeFileSync(`${file}.pattern`, answer.path);
      fs.writeFileSync(`${file}.body`, answer.body);
    });
    fs.mkdirSync(path.join(dir, 'aws-answers'));
    for (const [command, answer] of Object.entries(options.awsAnswers ?? {})) {
      fs.writeFileSync(path.join(dir, 'aws-answers', command), answer);
    }
    const outputFile = path.join(dir, 'output');
    fs.writeFileSync(outputFile, '');
    fs.writeFileSync(path.join(dir, 'script.sh'), step.run);
    const result = spawnSync(
      'bash',
      ['--noprofile', '--norc', '-eo', 'pipefail', path.join(dir, 'script.sh')],
      {
        cwd: dir,
        encoding: 'utf8',
        env: {
          PATH: [
            path.join(dir, 'bin'),
            path.dirname(process.execPath),
            '/usr/local/bin:/usr/bin:/bin',
          ].join(':'),
          HOME: dir,
          FAKE_DIR: dir,
          GITHUB_OUTPUT: outputFile,
          ...RUNNER_ENV,
          ...stringEnv(options.jobEnv, options.expressions),
          ...stringEnv(step.env, options.expressions),
        },
      },
    );
    const callsDir = path.join(dir, 'calls');
    const ghCalls = fs
      .readdirSync(callsDir)
      .filter(file => file.endsWith('.args'))
      .sort()
      .map(file => ({
        args: fs
          .readFileSync(path.join(callsDir, file), 'utf8')
          .split('\n')
          .slice(0, -1),
        input: fs.readFileSync(
          path.join(callsDir, file.replace(/\.args$/, '.input')),
          'utf8',
        ),
      }));
    return {
      exitCode: result.status ?? -1,
      output: `${result.stdout}${result.stderr}`,
      outputs: parseOutputs(outputFile),
      ghCalls,
    };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
