import path from 'node:path';

/**
 * Where a `module` block's `source` lives on disk, or undefined for registry or unrelated
 * remote sources. Generated repositories call our modules as
 * `git::https://github.com/<org>/zeroops//terraform-modules/<name>?ref=<tag>`: the part after
 * `//` is the folder inside this repository, so it maps onto `modulesRoot/<name>`.
 */
export function resolveModuleSource(
  source: string,
  callerDir: string,
  modulesRoot: string,
): string | undefined {
  if (source.startsWith('./') || source.startsWith('../')) {
    return path.resolve(callerDir, source);
  }
  const match = /\/\/terraform-modules\/([a-z0-9-]+)(?:\/)?(?:\?.*)?$/.exec(
    source,
  );
  return match ? path.join(modulesRoot, match[1]) : undefined;
}

/** The `?ref=` of a git source, or undefined: generated code must pin a tag or commit. */
export function moduleSourceRef(source: string): string | undefined {
  return /[?&]ref=([^&]+)/.exec(source)?.[1];
}
