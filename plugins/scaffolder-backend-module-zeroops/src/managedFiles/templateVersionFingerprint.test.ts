import { ZEROOPS_TEMPLATE_VERSION } from '@zeroops/backstage-plugin-zeroops-common';
import {
  managedFilesFingerprint,
  RECORDED_FINGERPRINT,
} from './templateVersionFingerprint';

/** What to do when the recorded fingerprint is stale, whichever of the two was forgotten. */
function staleFingerprintAdvice(current: {
  templateVersion: number;
  fingerprint: string;
}): string | undefined {
  if (current.fingerprint === RECORDED_FINGERPRINT.fingerprint) {
    return undefined;
  }
  return current.templateVersion === RECORDED_FINGERPRINT.templateVersion
    ? `the files ZeroOps generates changed: bump ZEROOPS_TEMPLATE_VERSION (plugins/zeroops-common/src/templateVersion/templateVersion.ts) to ${
        RECORDED_FINGERPRINT.templateVersion + 1
      } and record it with fingerprint ${
        current.fingerprint
      } in src/managedFiles/templateVersionFingerprint.ts`
    : `record templateVersion ${current.templateVersion} with fingerprint ${current.fingerprint} in src/managedFiles/templateVersionFingerprint.ts`;
}

describe('the template version', () => {
  it('is bumped whenever the generated managed files change', () => {
    const current = {
      templateVersion: ZEROOPS_TEMPLATE_VERSION,
      fingerprint: managedFilesFingerprint(),
    };
    expect({ ...current, advice: staleFingerprintAdvice(current) }).toEqual({
      ...RECORDED_FINGERPRINT,
      advice: undefined,
    });
  });
});
