import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { pythonTool } from './toolPaths';

const execFileAsync = promisify(execFile);

/** A failed Checkov check, as a developer needs it to fix the finding. */
export interface CheckovFinding {
  id: string;
  name: string;
  resource: string;
  file: string;
  line: number;
}

/** Counts and findings of one Checkov run. */
export interface CheckovResult {
  passed: number;
  failed: number;
  skipped: number;
  parsingErrors: number;
  resources: number;
  findings: CheckovFinding[];
  /** Every skip that took effect, with the reason written next to it. */
  skips: Array<{ id: string; resource: string; reason: string }>;
  /** Checks that ran and passed, to prove a check really evaluated a resource. */
  passedChecks: Array<{ id: string; resource: string }>;
}

interface CheckovCheck {
  check_id: string;
  check_name: string;
  resource: string;
  file_path: string;
  file_line_range: [number, number];
  check_result?: { suppress_comment?: string };
}

interface CheckovReport {
  check_type: string;
  results: {
    passed_checks: CheckovCheck[];
    failed_checks: CheckovCheck[];
    skipped_checks: CheckovCheck[];
    parsing_errors: string[];
  };
  summary: {
    passed: number;
    failed: number;
    skipped: number;
    parsing_errors: number;
    resource_count: number;
  };
}

/**
 * Runs the real Checkov (framework terraform, offline: no API key, no module downloads) on a
 * directory and returns its counts. Checkov exits 1 when a check fails; that is a result here,
 * not an error.
 */
export async function runCheckov(
  directory: string,
  options: { configFile?: string } = {},
): Promise<CheckovResult> {
  const args = [
    '--directory',
    directory,
    '--framework',
    'terraform',
    '--output',
    'json',
    '--compact',
    '--skip-download',
    '--no-fail-on-crash',
  ];
  if (options.configFile) args.push('--config-file', options.configFile);
  let stdout: string;
  try {
    ({ stdout } = await execFileAsync(pythonTool('checkov'), args, {
      maxBuffer: 256 * 1024 * 1024,
      env: {
        ...process.env,
        BC_API_KEY: '',
        CHECKOV_RUN_SCA_PACKAGE_SCAN_V2: 'false',
      },
    }));
  } catch (error) {
    const failure = error as {
      code?: number;
      stdout?: string;
      stderr?: string;
    };
    if (failure.code !== 1 || !failure.stdout) {
      throw new Error(
        `checkov failed on ${directory} (exit ${failure.code}): ${
          failure.stderr ?? error
        }`,
      );
    }
    stdout = failure.stdout;
  }
  return parseCheckovReport(stdout, directory);
}

/** Checkov prints one report object, a list of them, or an empty summary when nothing parsed. */
export function parseCheckovReport(
  json: string,
  directory: string,
): CheckovResult {
  const parsed = JSON.parse(json) as
    | CheckovReport
    | CheckovReport[]
    | { passed: number };
  const reports = (Array.isArray(parsed) ? parsed : [parsed]).filter(
    (report): report is CheckovReport => 'results' in report,
  );
  const result: CheckovResult = {
    passed: 0,
    failed: 0,
    skipped: 0,
    parsingErrors: 0,
    resources: 0,
    findings: [],
    skips: [],
    passedChecks: [],
  };
  if (reports.length === 0) {
    throw new Error(`checkov found no Terraform to check in ${directory}`);
  }
  for (const report of reports) {
    result.passed += report.summary.passed;
    result.failed += report.summary.failed;
    result.skipped += report.summary.skipped;
    result.parsingErrors += report.summary.parsing_errors;
    result.resources += report.summary.resource_count;
    for (const check of report.results.failed_checks ?? []) {
      result.findings.push({
        id: check.check_id,
        name: check.check_name,
        resource: check.resource,
        file: check.file_path,
        line: check.file_line_range[0],
      });
    }
    for (const check of report.results.passed_checks ?? []) {
      result.passedChecks.push({
        id: check.check_id,
        resource: check.resource,
      });
    }
    for (const check of report.results.skipped_checks ?? []) {
      result.skips.push({
        id: check.check_id,
        resource: check.resource,
        reason: check.check_result?.suppress_comment ?? '',
      });
    }
  }
  return result;
}
