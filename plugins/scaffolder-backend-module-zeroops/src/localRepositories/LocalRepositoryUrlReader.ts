import {
  isChildPath,
  UrlReaderService,
  UrlReaderServiceReadTreeOptions,
  UrlReaderServiceReadTreeResponse,
  UrlReaderServiceReadUrlOptions,
  UrlReaderServiceReadUrlResponse,
  UrlReaderServiceSearchOptions,
  UrlReaderServiceSearchResponse,
} from '@backstage/backend-plugin-api';
import {
  ReaderFactory,
  ReadTreeResponseFactory,
} from '@backstage/backend-defaults/urlReader';
import {
  InputError,
  NotAllowedError,
  NotFoundError,
  NotModifiedError,
} from '@backstage/errors';
import { createHash } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { readLocalRepositoriesBaseDir } from './localRepositoriesConfig';

const isFileUrl = (url: URL) => url.protocol === 'file:';

/**
 * Reads `file://` URLs of repositories created by `zeroops:publish:local`, so that
 * `catalog:register` with the published `catalogInfoUrl` works without a git server. Only paths
 * inside the configured base folder are served (symbolic links are resolved first), never
 * anything under `.git` or the publisher's own dot-folders; every other URL is left to the other
 * readers.
 *
 * @public
 */
export class LocalRepositoryUrlReader implements UrlReaderService {
  /** Creates the reader for the configured base folder (`zeroops.publish.local.baseDir`). */
  static factory: ReaderFactory = ({ config, treeResponseFactory }) => {
    const baseDir = readLocalRepositoriesBaseDir(config);
    const reader = new LocalRepositoryUrlReader(baseDir, treeResponseFactory);
    return [
      {
        reader,
        predicate: url =>
          isFileUrl(url) && isChildPath(baseDir, fileURLToPath(url)),
      },
    ];
  };

  constructor(
    private readonly baseDir: string,
    private readonly treeResponseFactory: ReadTreeResponseFactory,
  ) {}

  /** The real path of a URL, refused unless it stays inside the base folder. */
  private async resolve(url: string): Promise<string> {
    const parsed = new URL(url);
    if (!isFileUrl(parsed)) {
      throw new InputError(`${url} is not a file:// URL`);
    }
    const requested = fileURLToPath(parsed);
    const realBase = await fs.realpath(this.baseDir).catch(() => this.baseDir);
    const real = await fs.realpath(requested).catch(error => {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
        throw new NotFoundError(`${url} does not exist`);
      }
      throw error;
    });
    const segments = path.relative(realBase, real).split(path.sep);
    // Repository names never start with "."; such folders are the publisher's own (staging
    // folders, pending cleanups), and `.git` holds git's internals, never catalog content.
    if (
      !isChildPath(realBase, real) ||
      segments[0].startsWith('.') ||
      segments.includes('.git')
    ) {
      throw new NotAllowedError(
        `${url} is outside the local repositories folder ${this.baseDir}`,
      );
    }
    return real;
  }

  /** Reads one file of a locally published repository. */
  async readUrl(
    url: string,
    options?: UrlReaderServiceReadUrlOptions,
  ): Promise<UrlReaderServiceReadUrlResponse> {
    const file = await this.resolve(url);
    const stat = await fs.stat(file);
    if (!stat.isFile()) throw new NotFoundError(`${url} is not a file`);
    const content = await fs.readFile(file);
    const etag = createHash('sha256').update(content).digest('hex');
    if (options?.etag === etag) {
      throw new NotModifiedError(`${url} has not changed`);
    }
    if (options?.lastModifiedAfter && stat.mtime <= options.lastModifiedAfter) {
      throw new NotModifiedError(`${url} has not changed`);
    }
    return {
      buffer: async () => content,
      stream: () => Readable.from(content),
      etag,
      lastModifiedAt: stat.mtime,
    };
  }

  /** Reads a folder of a locally published repository, without its `.git`. */
  async readTree(
    url: string,
    options?: UrlReaderServiceReadTreeOptions,
  ): Promise<UrlReaderServiceReadTreeResponse> {
    const root = await this.resolve(url);
    const files: Array<{ path: string; content: Buffer; mtime: Date }> = [];
    const walk = async (dir: string) => {
      for (const entry of await fs.readdir(dir, { withFileTypes: true })) {
        if (entry.name === '.git') continue;
        const full = path.join(dir, entry.name);
        if (entry.isDirectory()) {
          await walk(full);
        } else if (entry.isFile()) {
          const relative = path.relative(root, full).split(path.sep).join('/');
          const stat = await fs.stat(full);
          if (options?.filter && !options.filter(relative, { size: stat.size }))
            continue;
          files.push({
            path: relative,
            content: await fs.readFile(full),
            mtime: stat.mtime,
          });
        }
      }
    };
    await walk(root);
    files.sort((a, b) => a.path.localeCompare(b.path));
    const hash = createHash('sha256');
    for (const file of files)
      hash.update(file.path).update('\0').update(file.content);
    const etag = hash.digest('hex');
    if (options?.etag === etag) {
      throw new NotModifiedError(`${url} has not changed`);
    }
    const response = await this.treeResponseFactory.fromReadableArray(
      files.map(file => ({
        data: Readable.from(file.content),
        path: file.path,
        lastModifiedAt: file.mtime,
      })),
    );
    return {
      files: () => response.files(),
      archive: () => response.archive(),
      dir: dirOptions => response.dir(dirOptions),
      etag,
    };
  }

  /** Finds files of locally published repositories by glob. */
  async search(
    url: string,
    options?: UrlReaderServiceSearchOptions,
  ): Promise<UrlReaderServiceSearchResponse> {
    if (/[*?[\]{}]/.test(decodeURIComponent(new URL(url).pathname))) {
      throw new InputError(
        `Glob patterns are not supported for local repositories: ${url}`,
      );
    }
    try {
      const response = await this.readUrl(url, options);
      const content = await response.buffer();
      return {
        etag: response.etag ?? '',
        files: [
          {
            url,
            content: async () => content,
            lastModifiedAt: response.lastModifiedAt,
          },
        ],
      };
    } catch (error) {
      if ((error as Error).name === 'NotFoundError') {
        return { etag: '', files: [] };
      }
      throw error;
    }
  }

  /** Names the reader and the folder it serves, for Backstage's reader listing. */
  toString() {
    return `zeroops-local-repositories{baseDir=${this.baseDir}}`;
  }
}
