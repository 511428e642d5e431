import path from 'node:path';
import type { Finding } from './findings.ts';
import { loadTerraformModule, parseHclFile } from './hcl.ts';
import type { TerraformModule } from './hcl.ts';
import { resolveModuleSource } from './module-source.ts';
import { MODULES_ROOT } from './repository.ts';

/** One `moved { from = ... to = ... }` block of a module. */
export interface MovedBlock {
  file: string;
  from: string;
  to: string;
}

/** `module.a[0].module.b.aws_s3_bucket.this[0]` split into its module calls and its resource. */
interface ParsedAddress {
  calls: { name: string; keyed: boolean }[];
  type: string;
  name: string;
  keyed: boolean;
}

const ADDRESS =
  /^((?:module\.[\w-]+(?:\[[^\]]+\])?\.)*)([\w-]+)\.([\w-]+)(\[[^\]]+\])?$/;

function parseAddress(text: string): ParsedAddress | undefined {
  const match = ADDRESS.exec(text);
  if (!match) return undefined;
  const calls = [...match[1].matchAll(/module\.([\w-]+)(\[[^\]]+\])?\./g)].map(
    call => ({ name: call[1], keyed: call[2] !== undefined }),
  );
  return { calls, type: match[2], name: match[3], keyed: !!match[4] };
}

const expanded = (body: Record<string, unknown>) =>
  body.count !== undefined || body.for_each !== undefined;

/** The moved blocks of a module (hcl2json gives their addresses as `${...}`). */
export async function movedBlocks(
  module: TerraformModule,
): Promise<MovedBlock[]> {
  const blocks: MovedBlock[] = [];
  for (const [file, text] of Object.entries(module.sources)) {
    const parsed = await parseHclFile(file, text);
    for (const moved of Array.isArray(parsed.moved) ? parsed.moved : []) {
      if (typeof moved !== 'object' || moved === null || Array.isArray(moved))
        continue;
      const address = (value: unknown) =>
        String(value).replace(/^\$\{(.*)\}$/, '$1');
      blocks.push({ file, from: address(moved.from), to: address(moved.to) });
    }
  }
  return blocks;
}

/**
 * Checks what `terraform plan` would otherwise find out on a real state: a moved block whose `to`
 * names no declared resource (through local module calls, with an instance key exactly where
 * count or for_each makes one) moves the object to an address Terraform then destroys, and one
 * whose `from` is still declared is an error. A bucket or key moved wrongly is data lost.
 */
export async function checkMovedBlocks(
  module: TerraformModule,
  location: string,
): Promise<{ checked: number; findings: Finding[] }> {
  const findings: Finding[] = [];
  const blocks = await movedBlocks(module);
  const loaded = new Map<string, Promise<TerraformModule>>();
  const load = (dir: string) => {
    if (!loaded.has(dir)) loaded.set(dir, loadTerraformModule(dir));
    return loaded.get(dir)!;
  };
  for (const block of blocks) {
    const report = (message: string) =>
      findings.push({
        rule: 'moved',
        location: `${location}/${block.file}`,
        address: `${block.from} -> ${block.to}`,
        message,
      });
    // Moving x to x["key"] (a resource that gained for_each) is allowed; x itself must be gone.
    const from = parseAddress(block.from);
    if (
      from &&
      from.calls.length === 0 &&
      !from.keyed &&
      module.resources.some(
        r => r.type === from.type && r.name === from.name && !expanded(r.body),
      )
    ) {
      report(`${block.from} is still declared`);
    }
    const to = parseAddress(block.to);
    if (!to) {
      report(`cannot read the address ${block.to}`);
      continue;
    }
    let target: TerraformModule | undefined = module;
    for (const call of to.calls) {
      const declared = target.moduleCalls.find(c => c.name === call.name);
      const source = declared?.body.source;
      if (!declared || typeof source !== 'string') {
        report(`module.${call.name} is not a module call of ${target.dir}`);
        target = undefined;
        break;
      }
      if (expanded(declared.body) !== call.keyed) {
        report(
          `module.${call.name} ${
            call.keyed ? 'has no' : 'has'
          } count or for_each: ${
            call.keyed ? 'drop' : 'give'
          } its instance key`,
        );
      }
      const dir = resolveModuleSource(source, target.dir, MODULES_ROOT);
      if (!dir) {
        report(`module.${call.name} has no local source`);
        target = undefined;
        break;
      }
      target = await load(dir);
    }
    if (!target) continue;
    const resource = target.resources.find(
      r => r.type === to.type && r.name === to.name,
    );
    if (!resource) {
      report(
        `${to.type}.${to.name} is not declared in ${path.basename(target.dir)}`,
      );
    } else if (expanded(resource.body) !== to.keyed) {
      report(
        `${to.type}.${to.name} ${
          to.keyed ? 'has no' : 'has'
        } count or for_each: ${to.keyed ? 'drop' : 'give'} its instance key`,
      );
    }
  }
  return { checked: blocks.length, findings };
}
