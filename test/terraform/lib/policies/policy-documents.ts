import type { EvaluatedModule } from '../evaluated-module.ts';
import {
  asList,
  blocks,
  decodeJsonDocument,
  isTfObject,
  isUnknown,
} from '../values.ts';
import type { TfObject, TfValue } from '../values.ts';

/** One IAM policy statement, normalised from aws_iam_policy_document or JSON. */
export interface PolicyStatement {
  effect: 'Allow' | 'Deny';
  /** Known action names; `unknown` is true when the list is only known at apply time. */
  actions: string[];
  notActions: string[];
  resources: string[];
  actionsUnknown: boolean;
  resourcesUnknown: boolean;
  principals: { type: string; identifiers: string[] }[];
  conditions: { test: string; variable: string; values: string[] }[];
  /** Where it came from, for messages. */
  origin: string;
}

function strings(value: TfValue | undefined): string[] {
  if (typeof value === 'string') return [value];
  return (asList(value) ?? []).filter(
    (v): v is string => typeof v === 'string',
  );
}

function fromDocumentData(doc: TfObject, origin: string): PolicyStatement[] {
  return blocks(doc, 'statement').map(s => ({
    effect: s.effect === 'Deny' ? 'Deny' : 'Allow',
    actions: strings(s.actions),
    notActions: strings(s.not_actions),
    resources: strings(s.resources),
    actionsUnknown: isUnknown(s.actions),
    resourcesUnknown: isUnknown(s.resources),
    principals: [
      ...blocks(s, 'principals'),
      ...blocks(s, 'not_principals'),
    ].map(p => ({
      type: String(p.type),
      identifiers: strings(p.identifiers),
    })),
    conditions: blocks(s, 'condition').map(c => ({
      test: String(c.test),
      variable: String(c.variable),
      values: strings(c.values),
    })),
    origin,
  }));
}

function jsonPrincipals(
  principal: TfValue | undefined,
): PolicyStatement['principals'] {
  if (principal === '*') return [{ type: '*', identifiers: ['*'] }];
  if (!isTfObject(principal)) return [];
  return Object.entries(principal).map(([type, ids]) => ({
    type,
    identifiers: strings(ids),
  }));
}

function fromJson(document: TfValue, origin: string): PolicyStatement[] {
  if (!isTfObject(document)) return [];
  const raw = document.Statement;
  let list: TfValue[] = [];
  if (Array.isArray(raw)) list = raw;
  else if (raw !== undefined) list = [raw];
  return list.filter(isTfObject).map(s => {
    const principal = s.Principal;
    const conditions: PolicyStatement['conditions'] = [];
    if (isTfObject(s.Condition)) {
      for (const [test, entries] of Object.entries(s.Condition)) {
        if (!isTfObject(entries)) continue;
        for (const [variable, values] of Object.entries(entries)) {
          conditions.push({ test, variable, values: strings(values) });
        }
      }
    }
    return {
      effect: s.Effect === 'Deny' ? 'Deny' : 'Allow',
      actions: strings(s.Action),
      notActions: strings(s.NotAction),
      resources: strings(s.Resource),
      actionsUnknown: isUnknown(s.Action),
      resourcesUnknown: isUnknown(s.Resource),
      principals: jsonPrincipals(principal),
      conditions,
      origin,
    };
  });
}

/**
 * Statements of a policy argument: a reference to `data.aws_iam_policy_document.<name>.json`,
 * a `jsonencode(...)` value or a JSON string.
 */
export function policyStatements(
  model: EvaluatedModule,
  value: TfValue | undefined,
): PolicyStatement[] {
  if (isUnknown(value)) {
    const match =
      /data\.aws_iam_policy_document\.([\w-]+)(\[[^\]]*\])?\.json/.exec(
        value.source,
      );
    if (match) {
      return model.resources
        .filter(
          r =>
            r.kind === 'data' &&
            r.type === 'aws_iam_policy_document' &&
            r.name === match[1],
        )
        .flatMap(r => fromDocumentData(r.body, r.address));
    }
  }
  const decoded = decodeJsonDocument(value);
  return decoded === undefined ? [] : fromJson(decoded, 'inline JSON');
}

/** Statements of every aws_iam_policy_document in the module. */
export function allDocumentStatements(
  model: EvaluatedModule,
): PolicyStatement[] {
  return model.resources
    .filter(r => r.kind === 'data' && r.type === 'aws_iam_policy_document')
    .flatMap(r => fromDocumentData(r.body, r.address));
}
