import fs from 'node:fs/promises';
import path from 'node:path';

/** Folder of test git repositories inside the checkout, ignored by git (`.zeroops/`). */
const TEST_ROOT = path.resolve(__dirname, '../../.zeroops/test');

/** A new empty folder under the package's ignored `.zeroops/test`. */
export async function createCheckoutTestFolder(prefix: string) {
  await fs.mkdir(TEST_ROOT, { recursive: true });
  return fs.mkdtemp(path.join(TEST_ROOT, `${prefix}-`));
}

/** A new folder under `parent` holding `files` (relative path → content). */
export async function folderWith(
  parent: string,
  files: Record<string, string>,
): Promise<string> {
  const folder = await fs.mkdtemp(path.join(parent, 'files-'));
  for (const [file, content] of Object.entries(files)) {
    await fs.mkdir(path.dirname(path.join(folder, file)), { recursive: true });
    await fs.writeFile(path.join(folder, file), content);
  }
  return folder;
}
