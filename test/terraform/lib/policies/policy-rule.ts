import type { Finding } from '../findings.ts';
import type {
  EvaluatedModule,
  EvaluatedResource,
} from '../evaluated-module.ts';
import { isUnknown } from '../values.ts';
import type { TfValue } from '../values.ts';

/**
 * An offline mirror of one Checkov or Trivy rule: a pure function from an evaluated module to
 * findings. Checkov and tflint themselves run in GitHub CI; these run in the test command.
 */
export interface PolicyRule {
  /** Checkov id (`CKV_AWS_96`), Trivy id (`AWS-0079`) or, for our own contracts, `ZEROOPS_*`. */
  id: string;
  /** Other ids of the same check in other tools. */
  alsoKnownAs?: string[];
  /** What the rule demands, in a few words: `aurora storage encrypted`. */
  title: string;
  /** Resource (or `data.`) types the rule inspects. */
  resourceTypes: string[];
  check(model: EvaluatedModule): Finding[];
}

/** Instances of the given types; `data.<type>` selects data sources. */
export function resourcesOf(
  model: EvaluatedModule,
  types: string[],
): EvaluatedResource[] {
  return model.resources.filter(r =>
    types.includes(r.kind === 'data' ? `data.${r.type}` : r.type),
  );
}

/** Instances the rule applies to: of its types and not skipped with a checkov:skip comment. */
export function subjects(
  rule: PolicyRule,
  model: EvaluatedModule,
  types: string[] = rule.resourceTypes,
): EvaluatedResource[] {
  return resourcesOf(model, types).filter(r => !(rule.id in r.skips));
}

export function finding(
  rule: PolicyRule,
  model: EvaluatedModule,
  resource: EvaluatedResource | undefined,
  message: string,
): Finding {
  return {
    rule: rule.id,
    location: `${model.name}/${resource?.file ?? ''} [${model.scenario}]`,
    address: resource?.address,
    message,
  };
}

export function isProduction(model: EvaluatedModule): boolean {
  return model.environment === 'production';
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** True when the value is an expression reading an attribute of `baseAddress`. */
export function refersTo(
  value: TfValue | undefined,
  baseAddress: string,
): boolean {
  if (!isUnknown(value)) return false;
  return new RegExp(
    `(^|[^\\w.])${escapeRegExp(baseAddress)}(\\[[^\\]]*\\])?\\.`,
  ).test(value.source);
}

/** Resources of `types` whose argument `attribute` refers to `target`. */
export function attachedTo(
  model: EvaluatedModule,
  types: string[],
  attribute: string,
  target: EvaluatedResource,
): EvaluatedResource[] {
  return resourcesOf(model, types).filter(r =>
    refersTo(r.body[attribute], target.baseAddress),
  );
}
