import fs from 'node:fs';
import path from 'node:path';
import {
  ZEROOPS_TERRAFORM_MODULES_REF,
  ZEROOPS_TERRAFORM_MODULES_VERSION,
  terraformModulesTag,
} from './terraformModulesVersion';

const pluginsDir = path.resolve(__dirname, '../../..');

/** The packages released together with the modules (the fixed group of .changeset/config.json). */
const RELEASED_TOGETHER = [
  'zeroops',
  'zeroops-backend',
  'zeroops-common',
  'scaffolder-backend-module-zeroops',
];

describe('ZEROOPS_TERRAFORM_MODULES_VERSION', () => {
  it.each(RELEASED_TOGETHER)(
    'is the version of plugins/%s, released with the modules',
    dir => {
      const manifest = JSON.parse(
        fs.readFileSync(path.join(pluginsDir, dir, 'package.json'), 'utf8'),
      );
      // `yarn release:version` keeps them equal; a hand-edited version must be synced too.
      expect(ZEROOPS_TERRAFORM_MODULES_VERSION).toBe(manifest.version);
    },
  );

  it('names the tag the release workflow creates', () => {
    expect(terraformModulesTag('1.2.3')).toBe('terraform-modules/v1.2.3');
    expect(ZEROOPS_TERRAFORM_MODULES_REF).toBe(
      `terraform-modules/v${ZEROOPS_TERRAFORM_MODULES_VERSION}`,
    );
  });
});
