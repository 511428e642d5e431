import type {
  EvaluatedModule,
  EvaluatedResource,
} from '../evaluated-module.ts';
import { finding, isProduction, subjects } from './policy-rule.ts';
import type { PolicyRule } from './policy-rule.ts';

export interface AttributeRuleOptions {
  id: string;
  alsoKnownAs?: string[];
  title: string;
  resourceTypes: string[];
  /** Only checked in scenarios whose environment is production. */
  productionOnly?: boolean;
  /** Returns why the resource fails, or undefined when it passes. */
  test(resource: EvaluatedResource, model: EvaluatedModule): string | undefined;
}

/** A rule that looks at each instance of its resource types on its own. */
export function attributeRule(options: AttributeRuleOptions): PolicyRule {
  const rule: PolicyRule = {
    id: options.id,
    alsoKnownAs: options.alsoKnownAs,
    title: options.title,
    resourceTypes: options.resourceTypes,
    check(model) {
      if (options.productionOnly && !isProduction(model)) return [];
      return subjects(rule, model).flatMap(resource => {
        const problem = options.test(resource, model);
        return problem ? [finding(rule, model, resource, problem)] : [];
      });
    },
  };
  return rule;
}
