import { ZEROOPS_TERRAFORM_MODULES_REF } from '@zeroops/backstage-plugin-zeroops-common';
import fs from 'node:fs/promises';
import path from 'node:path';
import {
  findFiles,
  loadTerraformModule,
  parseHclFile,
} from '../../terraform/lib/hcl';
import {
  moduleSourceRef,
  resolveModuleSource,
} from '../../terraform/lib/module-source';
import { validateTerraformDirectory } from '../../terraform/lib/validate-directory';
import { MODULES_DIR } from './backend';

/** Every .tf/.hcl parses; every folder of .tf files validates against the provider schema and our modules. */
export async function checkTerraform(
  root: string,
): Promise<{ problems: string[]; moduleCalls: number }> {
  const problems: string[] = [];
  let moduleCalls = 0;
  const files = await findFiles(root, ['.tf', '.hcl']);
  for (const file of files) {
    try {
      await parseHclFile(file, await fs.readFile(file, 'utf8'));
    } catch (error) {
      problems.push(
        `${path.relative(root, file)}: does not parse: ${String(error)}`,
      );
    }
  }
  const dirs = [
    ...new Set(files.filter(f => f.endsWith('.tf')).map(f => path.dirname(f))),
  ];
  for (const dir of dirs) {
    const findings = await validateTerraformDirectory(dir, {
      modulesRoot: MODULES_DIR,
      relativeTo: root,
    });
    problems.push(
      ...findings.map(f => `${f.location} ${f.address ?? ''}: ${f.message}`),
    );
    const module = await loadTerraformModule(dir);
    for (const call of module.moduleCalls) {
      moduleCalls += 1;
      const source = String(call.body.source);
      const target = resolveModuleSource(source, dir, MODULES_DIR);
      const ref = moduleSourceRef(source);
      if (!target || !(await fs.stat(target).catch(() => undefined))) {
        problems.push(
          `${path.relative(root, dir)} module.${
            call.name
          }: ${source} is not one of our modules`,
        );
      }
      if (
        !ref ||
        !/^((terraform-modules\/)?v\d+\.\d+\.\d+|[0-9a-f]{40})$/.test(ref)
      ) {
        problems.push(
          `${path.relative(root, dir)} module.${
            call.name
          }: ${source} is not pinned to a tag or commit`,
        );
      } else if (ref !== ZEROOPS_TERRAFORM_MODULES_REF) {
        // The templates pin no version of their own: the release tag comes from the scaffolder
        // module (zeroops-common's ZEROOPS_TERRAFORM_MODULES_VERSION).
        problems.push(
          `${path.relative(root, dir)} module.${
            call.name
          }: ${source} pins ${ref} instead of ${ZEROOPS_TERRAFORM_MODULES_REF}, the modules released with the scaffolder module`,
        );
      }
    }
  }
  return { problems, moduleCalls };
}
