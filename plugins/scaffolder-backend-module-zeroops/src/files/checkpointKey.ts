import { createHash } from 'node:crypto';
import { GeneratedFiles } from './writeGeneratedFiles';

/**
 * Key of the checkpoint that writes one set of files: derived from their paths and content, so
 * a recovered task skips writes it already made and different inputs never share a key.
 */
export function checkpointKey(prefix: string, files: GeneratedFiles): string {
  const hash = createHash('sha256');
  for (const [file, content] of files) {
    hash.update(file).update('\0').update(content).update('\0');
  }
  return `${prefix}.${hash.digest('hex').slice(0, 16)}`;
}
