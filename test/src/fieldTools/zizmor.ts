import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { pythonTool } from './toolPaths';

const execFileAsync = promisify(execFile);

/** A zizmor finding, reduced to what a developer needs to fix it. */
export interface ZizmorFinding {
  audit: string;
  severity: string;
  confidence: string;
  file: string;
  line: number;
  annotation: string;
}

interface ZizmorJsonFinding {
  ident: string;
  determinations: { confidence: string; severity: string };
  ignored: boolean;
  locations: Array<{
    symbolic: {
      key: { Local?: { verbatim_path: string } };
      annotation: string;
      kind: string;
    };
    concrete: { location: { start_point: { row: number } } };
  }>;
}

/**
 * Runs the real zizmor offline (no GitHub API calls) on workflow files or folders. The default
 * persona is pedantic, the strictest that still means "a problem": auditor reports known false
 * positives on purpose. Findings ignored inline (`# zizmor: ignore[audit]`) are not returned.
 */
export async function runZizmor(
  paths: string[],
  options: { persona?: 'regular' | 'pedantic' | 'auditor'; cwd?: string } = {},
): Promise<ZizmorFinding[]> {
  const args = [
    '--offline',
    '--no-progress',
    '--format',
    'json',
    '--persona',
    options.persona ?? 'pedantic',
    ...paths,
  ];
  let stdout: string;
  try {
    ({ stdout } = await execFileAsync(pythonTool('zizmor'), args, {
      cwd: options.cwd,
      maxBuffer: 64 * 1024 * 1024,
    }));
  } catch (error) {
    // zizmor exits 10-14 by the highest severity it found; anything else is a crash.
    const failure = error as {
      code?: number;
      stdout?: string;
      stderr?: string;
    };
    if (
      !failure.code ||
      failure.code < 10 ||
      failure.code > 14 ||
      !failure.stdout
    ) {
      throw new Error(
        `zizmor failed (exit ${failure.code}): ${failure.stderr ?? error}`,
      );
    }
    stdout = failure.stdout;
  }
  return (JSON.parse(stdout) as ZizmorJsonFinding[])
    .filter(finding => !finding.ignored)
    .map(finding => {
      const primary =
        finding.locations.find(l => l.symbolic.kind === 'Primary') ??
        finding.locations[0];
      return {
        audit: finding.ident,
        severity: finding.determinations.severity,
        confidence: finding.determinations.confidence,
        file: primary?.symbolic.key.Local?.verbatim_path ?? '',
        line: (primary?.concrete.location.start_point.row ?? 0) + 1,
        annotation: primary?.symbolic.annotation ?? '',
      };
    });
}
