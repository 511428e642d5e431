import fs from 'node:fs/promises';
import path from 'node:path';
import { findFiles } from '../../terraform/lib/hcl';

const SECRET_PATTERNS: Array<[string, RegExp]> = [
  ['AWS access key id', /\b(AKIA|ASIA)[0-9A-Z]{16}\b/],
  ['AWS secret access key', /aws_secret_access_key\s*[:=]\s*\S{20,}/i],
  ['private key', /-----BEGIN [A-Z ]*PRIVATE KEY-----/],
  [
    'GitHub token',
    /\b(gh[pousr]_[A-Za-z0-9]{30,}|github_pat_[A-Za-z0-9_]{30,})\b/,
  ],
  ['Slack token', /\bxox[baprs]-[A-Za-z0-9-]{10,}/],
  [
    'hard-coded credential',
    /\b(password|passwd|secret|api[_-]?key|token)\b["']?\s*[:=]\s*["'](?![$({<])[^"'\s]{12,}["']/i,
  ],
];

export async function scanForSecrets(root: string): Promise<string[]> {
  const problems: string[] = [];
  for (const file of await findFiles(root, [''])) {
    const relative = path.relative(root, file);
    if (relative.split(path.sep).includes('.git')) continue;
    if (/(^|\/)\.env(\..*)?$/.test(relative))
      problems.push(`${relative}: .env file in the repository`);
    const text = await fs.readFile(file, 'utf8');
    for (const [name, pattern] of SECRET_PATTERNS) {
      const match = pattern.exec(text);
      if (match)
        problems.push(
          `${relative}: looks like a ${name}: ${match[0].slice(0, 40)}`,
        );
    }
  }
  return problems;
}
