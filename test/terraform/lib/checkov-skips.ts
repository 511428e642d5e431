import fs from 'node:fs';
import path from 'node:path';

/**
 * A skipped Checkov check is acceptable only when something else does its job. The reason of
 * every skip says what, in the words "replaced by <control>", so a reviewer can verify it.
 */
export const SKIP_REASON_CONVENTION = /\breplaced by \S.{3,}/;

/** One skip: a check id, where it is written, and the reason written with it. */
export interface CheckovSkip {
  id: string;
  reason: string;
  /** file:line for global skips; the block ("aws_s3_bucket.logs") for inline ones. */
  resource: string;
  file: string;
  line: number;
}

const CHECK_ID = /^CKV2?_[A-Z0-9]+_\d+$/;

/**
 * The `skip-check` entries of a Checkov config file, each with the comment lines right above it
 * as its reason (YAML parsers drop comments, hence the line scan).
 */
export function configSkips(configFile: string): CheckovSkip[] {
  const lines = fs.readFileSync(configFile, 'utf8').split('\n');
  const skips: CheckovSkip[] = [];
  let inSkips = false;
  let comment: string[] = [];
  lines.forEach((line, index) => {
    if (/^skip-check:\s*$/.test(line)) {
      inSkips = true;
      comment = [];
      return;
    }
    if (!inSkips) return;
    if (/^\S/.test(line)) {
      inSkips = false;
      return;
    }
    const commentLine = /^\s+#\s?(.*)$/.exec(line);
    if (commentLine) {
      comment.push(commentLine[1].trim());
      return;
    }
    const entry = /^\s+-\s+(\S+)\s*$/.exec(line);
    if (entry) {
      if (!CHECK_ID.test(entry[1])) {
        throw new Error(
          `${configFile}:${index + 1}: "${entry[1]}" is not a check id`,
        );
      }
      skips.push({
        id: entry[1],
        reason: comment.join(' '),
        resource: `${path.basename(configFile)}:${index + 1}`,
        file: configFile,
        line: index + 1,
      });
    }
    comment = [];
  });
  return skips;
}

function terraformFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap(entry => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      return entry.name.startsWith('.') ? [] : terraformFiles(full);
    }
    return entry.name.endsWith('.tf') ? [full] : [];
  });
}

/**
 * Every `#checkov:skip=<id>:<reason>` in the .tf files under a folder, with the address of the
 * block it sits in: Checkov applies an inline skip to the enclosing resource or data source, and
 * one in a `module` block to every resource of that call (`module.access_logs_bucket`).
 */
export function inlineSkips(dir: string): CheckovSkip[] {
  const skips: CheckovSkip[] = [];
  for (const file of terraformFiles(dir)) {
    let block = '';
    fs.readFileSync(file, 'utf8')
      .split('\n')
      .forEach((line, index) => {
        const header = /^(resource|data)\s+"([^"]+)"\s+"([^"]+)"/.exec(line);
        const call = /^module\s+"([^"]+)"/.exec(line);
        if (header) {
          // Checkov names data sources without the "data." prefix.
          block = `${header[2]}.${header[3]}`;
        } else if (call) {
          block = `module.${call[1]}`;
        }
        const skip = /#\s*checkov:skip=([^:\s]+)(?::(.*))?$/.exec(line);
        if (!skip) return;
        skips.push({
          id: skip[1],
          reason: (skip[2] ?? '').trim(),
          resource: block,
          file,
          line: index + 1,
        });
      });
  }
  return skips;
}

/**
 * Whether Checkov's address of a resource (`module.cdn.aws_s3_bucket.replica[0]`) is one the
 * inline skip covers: the resource it sits in, or any resource of the module call it sits in
 * (`module.load_balancer.module.access_logs_bucket.aws_s3_bucket.this` for
 * `module.access_logs_bucket`).
 */
export function skipCovers(
  skip: CheckovSkip,
  checkovResource: string,
): boolean {
  const address = `.${checkovResource.replace(/\[[^\]]*\]/g, '')}`;
  return skip.resource.startsWith('module.')
    ? address.includes(`.${skip.resource}.`)
    : address.endsWith(`.${skip.resource}`);
}
