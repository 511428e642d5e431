import { UrlReaderService } from '@backstage/backend-plugin-api';

/** Files larger than this are never managed files and are not read. */
const MAX_FILE_BYTES = 1024 * 1024;

/**
 * Reads a repository's tree once through Backstage's URL reader (GitHub, the local publisher's
 * file:// reader, or any other configured host) and returns a lookup of its text files by path.
 */
export async function readRepositoryFiles(
  reader: UrlReaderService,
  url: string,
  /** Which files are needed at all; the others are not read. */
  wanted: (file: string) => boolean = () => true,
): Promise<(file: string) => Promise<string | undefined>> {
  const tree = await reader.readTree(url, {
    filter: (file, info) =>
      wanted(file) &&
      !file.split('/').includes('node_modules') &&
      (info?.size ?? 0) <= MAX_FILE_BYTES,
  });
  const files = new Map(
    (await tree.files()).map(file => [file.path, file.content] as const),
  );
  return async file => {
    const content = files.get(file);
    return content ? (await content()).toString('utf8') : undefined;
  };
}
