import { loadProviderSchema } from '../provider-schema.ts';
import { describe, isTfObject } from '../values.ts';
import { finding } from './policy-rule.ts';
import type { PolicyRule } from './policy-rule.ts';

export const COST_TAG_KEYS = ['zeroops:service', 'zeroops:environment'];

export const taggingRules: PolicyRule[] = [
  {
    id: 'ZEROOPS_TAGS',
    title:
      'every taggable resource carries the zeroops:service and zeroops:environment cost tags',
    resourceTypes: ['*'],
    check(model) {
      const schema = loadProviderSchema();
      return model.resources
        .filter(
          r =>
            r.kind === 'resource' &&
            schema.resource[r.type]?.a?.tags !== undefined,
        )
        .filter(r => !(this.id in r.skips))
        .flatMap(r => {
          const tags = r.body.tags;
          const missing = isTfObject(tags)
            ? COST_TAG_KEYS.filter(
                k => typeof tags[k] !== 'string' || tags[k] === '',
              )
            : COST_TAG_KEYS;
          return missing.length > 0
            ? [
                finding(
                  this,
                  model,
                  r,
                  `tags must include ${missing.join(
                    ' and ',
                  )}; tags are ${describe(tags)}`,
                ),
              ]
            : [];
        });
    },
  },
];
