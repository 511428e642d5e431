import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { ZEROOPS_API_ERROR_CODES } from '@zeroops/backstage-plugin-zeroops-common';
import { spec } from './openapi.generated';

describe('openapi.generated.ts', () => {
  it('matches openapi.yaml (run scripts/generate-openapi-spec.js after editing it)', () => {
    const yaml = parse(
      fs.readFileSync(path.join(__dirname, 'openapi.yaml'), 'utf8'),
    );
    expect(spec).toEqual(yaml);
  });

  it('resolves every $ref', () => {
    const refs = JSON.stringify(spec).match(/"\$ref":"[^"]+"/g) ?? [];
    for (const ref of refs) {
      const pointer = ref.slice('"$ref":"#/'.length, -1).split('/');
      let node: unknown = spec;
      for (const part of pointer) {
        node = (node as Record<string, unknown> | undefined)?.[part];
      }
      expect({ ref, found: node !== undefined }).toEqual({ ref, found: true });
    }
  });
});

describe('ZeroOpsApiErrorCode', () => {
  it('lists exactly the codes the common package declares', () => {
    expect(spec.components.schemas.ZeroOpsApiErrorCode.enum).toEqual(
      ZEROOPS_API_ERROR_CODES,
    );
  });
});
