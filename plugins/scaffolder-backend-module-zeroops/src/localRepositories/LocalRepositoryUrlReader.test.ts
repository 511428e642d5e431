import { UrlReaders } from '@backstage/backend-defaults/urlReader';
import { mockServices } from '@backstage/backend-test-utils';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { LocalRepositoryUrlReader } from './LocalRepositoryUrlReader';

describe('LocalRepositoryUrlReader', () => {
  let root: string;
  let baseDir: string;
  let reader: ReturnType<typeof UrlReaders.create>;
  const url = (...segments: string[]) =>
    pathToFileURL(path.join(baseDir, ...segments)).href;

  beforeEach(async () => {
    root = await fs.mkdtemp(path.join(os.tmpdir(), 'zeroops-reader-'));
    baseDir = path.join(root, 'repositories');
    await fs.mkdir(path.join(baseDir, 'svc', '.git'), { recursive: true });
    await fs.mkdir(path.join(baseDir, 'svc', 'docs'), { recursive: true });
    await fs.writeFile(
      path.join(baseDir, 'svc', 'catalog-info.yaml'),
      'kind: Component\n',
    );
    await fs.writeFile(
      path.join(baseDir, 'svc', 'docs', 'index.md'),
      '# Docs\n',
    );
    await fs.writeFile(path.join(baseDir, 'svc', '.git', 'config'), '[core]\n');
    await fs.writeFile(path.join(root, 'secret.txt'), 'not for the catalog');
    // The catalog reads through the backend's UrlReaders, so test through them too.
    reader = UrlReaders.create({
      config: mockServices.rootConfig({
        data: { zeroops: { publish: { local: { baseDir } } } },
      }),
      logger: mockServices.logger.mock(),
      factories: [LocalRepositoryUrlReader.factory],
    });
  });

  it('reads a file of a local repository with an etag', async () => {
    const response = await reader.readUrl(url('svc', 'catalog-info.yaml'));
    expect((await response.buffer()).toString()).toBe('kind: Component\n');
    expect(response.etag).toMatch(/^[0-9a-f]{64}$/);
    await expect(
      reader.readUrl(url('svc', 'catalog-info.yaml'), { etag: response.etag }),
    ).rejects.toThrow(expect.objectContaining({ name: 'NotModifiedError' }));
  });

  it('does not read outside the base folder, through .. or symbolic links, or inside .git', async () => {
    await expect(
      reader.readUrl(pathToFileURL(path.join(root, 'secret.txt')).href),
    ).rejects.toThrow(/not allowed/);
    await expect(
      reader.readUrl(`${pathToFileURL(baseDir).href}/svc/../../secret.txt`),
    ).rejects.toThrow(/not allowed/);
    await fs.symlink(
      path.join(root, 'secret.txt'),
      path.join(baseDir, 'svc', 'link.txt'),
    );
    // The predicate already resolves links; the reader checks the real path again.
    await expect(reader.readUrl(url('svc', 'link.txt'))).rejects.toThrow(
      /not allowed|outside the local repositories folder/,
    );
    await expect(reader.readUrl(url('svc', '.git', 'config'))).rejects.toThrow(
      /outside the local repositories folder/,
    );
  });

  it('reports missing files as not found and finds them by search', async () => {
    await expect(reader.readUrl(url('svc', 'missing.yaml'))).rejects.toThrow(
      expect.objectContaining({ name: 'NotFoundError' }),
    );
    const found = await reader.search(url('svc', 'catalog-info.yaml'));
    expect(found.files.map(f => f.url)).toEqual([
      url('svc', 'catalog-info.yaml'),
    ]);
    expect((await reader.search(url('svc', 'missing.yaml'))).files).toEqual([]);
    await expect(reader.search(url('svc', '*.yaml'))).rejects.toThrow(
      /Glob patterns/,
    );
  });

  it('reads a repository tree without .git', async () => {
    const tree = await reader.readTree(url('svc'));
    const files = await tree.files();
    expect(files.map(f => f.path).sort()).toEqual([
      'catalog-info.yaml',
      'docs/index.md',
    ]);
    const docs = files.find(f => f.path === 'docs/index.md');
    expect((await docs!.content()).toString()).toBe('# Docs\n');
    await expect(
      reader.readTree(url('svc'), { etag: tree.etag }),
    ).rejects.toThrow(expect.objectContaining({ name: 'NotModifiedError' }));
  });
});
