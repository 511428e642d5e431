import fs from 'node:fs/promises';
import path from 'node:path';
import yaml from 'yaml';
import { TEMPLATES_DIR } from './backend';

/** A template entity and its files, as the template editor sends them to the dry-run endpoint. */
export async function loadTemplate(name: string) {
  const dir = path.join(TEMPLATES_DIR, name);
  const template = yaml.parse(
    await fs.readFile(path.join(dir, 'template.yaml'), 'utf8'),
  );
  const directoryContents: Array<{ path: string; base64Content: string }> = [];
  const walk = async (current: string) => {
    for (const entry of await fs.readdir(current, { withFileTypes: true })) {
      const full = path.join(current, entry.name);
      if (entry.isDirectory()) await walk(full);
      else {
        directoryContents.push({
          path: path.relative(dir, full),
          base64Content: (await fs.readFile(full)).toString('base64'),
        });
      }
    }
  };
  await walk(dir);
  return { template, directoryContents };
}

/** Writes the files a dry run returned into `dir`, keeping executable bits. */
export async function writeDryRunTree(
  dir: string,
  files: Array<{ path: string; base64Content: string; executable?: boolean }>,
) {
  for (const file of files) {
    const target = path.join(dir, file.path);
    await fs.mkdir(path.dirname(target), { recursive: true });
    await fs.writeFile(target, Buffer.from(file.base64Content, 'base64'), {
      mode: file.executable ? 0o755 : 0o644,
    });
  }
}

/** Every file below `dir` except `.git`, relative and sorted. */
export async function listTree(dir: string): Promise<string[]> {
  const result: string[] = [];
  const walk = async (current: string) => {
    for (const entry of await fs.readdir(current, { withFileTypes: true })) {
      if (entry.name === '.git' || entry.name === 'node_modules') continue;
      const full = path.join(current, entry.name);
      if (entry.isDirectory()) await walk(full);
      else result.push(path.relative(dir, full));
    }
  };
  await walk(dir);
  return result.sort();
}
