import fs from 'node:fs';
import path from 'node:path';
import { repoRoot } from '../repoRoot';

/**
 * Where `make test` installed the Python tools (scripts/lib/python-tools.sh). A missing tool is
 * an error, never a skip: a green run must mean the field's tools actually ran.
 */
export function pythonTool(name: 'checkov' | 'zizmor' | 'moto_server'): string {
  const bin =
    process.env.ZEROOPS_PYTHON_TOOLS_BIN ??
    path.join(repoRoot, '.tools', 'python', 'bin');
  const tool = path.join(bin, name);
  if (!fs.existsSync(tool)) {
    throw new Error(
      `${name} is not installed at ${tool}. Run \`make test\` (or \`. scripts/lib/env.sh && . scripts/lib/python-tools.sh && zeroops_ensure_python_tools\`) to install the pinned tools into .tools/python.`,
    );
  }
  return tool;
}
