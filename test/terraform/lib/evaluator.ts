import { getExpressionAst } from '@cdktf/hcl2json';
import {
  annotateKeys,
  applyTraversal,
  closingBrace,
} from './expression-ast.ts';
import type { Ast, TraversalPart } from './expression-ast.ts';
import {
  applyOperator,
  applyUnaryOperator,
  NON_NULL_RESULTS,
  STRICT_FUNCTIONS,
  STRUCTURAL_FUNCTIONS,
} from './expression-functions.ts';
import { isHclBody } from './hcl.ts';
import type { HclValue } from './hcl.ts';
import {
  containsUnknown,
  deepEqual,
  EvaluationError,
  listArg,
  objectArg,
  toBool,
  toText,
} from './value-conversions.ts';
import { isUnknown, Unknown } from './values.ts';
import type { TfObject, TfValue } from './values.ts';

/**
 * A small evaluator for the Terraform expressions our modules use (variables, locals,
 * conditionals, comparisons, for expressions and common functions), built on the syntax tree
 * @cdktf/hcl2json provides. It lets policies check what a module does for given inputs (e.g.
 * deletion protection when environment = "production") instead of matching source text.
 * Anything that depends on apply-time values evaluates to `Unknown`.
 */

export interface Scope {
  /** `var.<name>`: given inputs and defaults; absent names are unknown. */
  variables: Map<string, TfValue>;
  /** `local.<name>`, evaluated lazily. */
  local(name: string): Promise<TfValue>;
  /** `each`, `count`, dynamic block iterators and `for` variables. */
  bindings: Map<string, TfValue>;
}

export function withBindings(
  scope: Scope,
  bindings: Record<string, TfValue>,
): Scope {
  const merged = new Map(scope.bindings);
  for (const [k, v] of Object.entries(bindings)) merged.set(k, v);
  return { ...scope, bindings: merged };
}

export class ExpressionEvaluator {
  private readonly astCache = new Map<string, Promise<Ast | null>>();

  /** Evaluates a value from @cdktf/hcl2json output: literals, or strings holding `${...}`. */
  async evaluate(value: HclValue, scope: Scope): Promise<TfValue> {
    if (typeof value === 'string') {
      return value.includes('${') ? this.evaluateTemplate(value, scope) : value;
    }
    if (Array.isArray(value)) {
      const result: TfValue[] = [];
      for (const item of value) result.push(await this.evaluate(item, scope));
      return result;
    }
    if (isHclBody(value)) {
      const result: TfObject = {};
      for (const [k, v] of Object.entries(value)) {
        result[k] = await this.evaluate(v, scope);
      }
      return result;
    }
    return value;
  }

  /** Like `evaluate`, but failures become unknown values instead of errors. */
  async evaluateOrUnknown(value: HclValue, scope: Scope): Promise<TfValue> {
    try {
      return await this.evaluate(value, scope);
    } catch (error) {
      if (error instanceof EvaluationError) {
        return new Unknown(String(value), false);
      }
      throw error;
    }
  }

  private async parse(text: string): Promise<Ast | null> {
    let cached = this.astCache.get(text);
    if (!cached) {
      const pure =
        text.startsWith('${') && closingBrace(text, 1) === text.length - 1;
      const expression = pure
        ? text.slice(2, -1)
        : `"${text.replace(/\n/g, '\\n')}"`;
      cached = (
        getExpressionAst('expression.tf', expression) as Promise<Ast | null>
      )
        .then(ast => {
          if (ast) annotateKeys(ast, Buffer.from(expression, 'utf8'));
          return ast;
        })
        .catch(() => null);
      this.astCache.set(text, cached);
    }
    return cached;
  }

  private async evaluateTemplate(text: string, scope: Scope): Promise<TfValue> {
    const ast = await this.parse(text);
    if (!ast) return new Unknown(text, false);
    return this.node(ast, scope);
  }

  private source(ast: Ast): string {
    const value = ast.meta?.value;
    return typeof value === 'string' ? value : ast.type;
  }

  private async node(ast: Ast, scope: Scope): Promise<TfValue> {
    const children = ast.children ?? [];
    const meta = ast.meta ?? {};
    switch (ast.type) {
      case '':
      case 'templateWrap':
        return children[0] ? this.node(children[0], scope) : null;
      case 'literalValue': {
        const raw = String(meta.value);
        if (meta.type === 'number') return Number(raw);
        if (meta.type === 'bool') return raw === 'true';
        if (meta.type === 'dynamic') return null;
        return raw;
      }
      case 'template': {
        const parts: TfValue[] = [];
        for (const child of children) parts.push(await this.node(child, scope));
        if (parts.some(isUnknown)) return new Unknown(this.source(ast), true);
        return parts.map(p => (p === null ? '' : toText(p))).join('');
      }
      case 'scopeTraversal':
        return this.traversal(ast, scope);
      case 'relativeTraversal': {
        const base = children[0]
          ? await this.node(children[0], scope)
          : new Unknown(this.source(ast), false);
        return applyTraversal(
          base,
          (meta.traversal as TraversalPart[]) ?? [],
          this.source(ast),
        );
      }
      case 'index': {
        const collection = await this.node(children[0], scope);
        const key = await this.node(children[1], scope);
        if (isUnknown(collection) || isUnknown(key)) {
          return new Unknown(this.source(ast), false);
        }
        return applyTraversal(
          collection,
          [{ type: 'indexTraversal', segment: String(key) }],
          this.source(ast),
        );
      }
      case 'splat': {
        const base = await this.node(children[0], scope);
        const each = (children[1]?.meta?.traversal as TraversalPart[]) ?? [];
        if (isUnknown(base)) return new Unknown(this.source(ast), true);
        if (base === null) return [];
        const items = Array.isArray(base) ? base : [base];
        return items.map(item => applyTraversal(item, each, this.source(ast)));
      }
      case 'conditional':
        return this.conditional(ast, scope);
      case 'unaryOp': {
        const v = await this.node(children[0], scope);
        if (isUnknown(v)) return new Unknown(this.source(ast), true);
        return applyUnaryOperator(String(meta.operator), v);
      }
      case 'binaryOp':
        return this.binary(ast, scope);
      case 'function':
        return this.call(ast, scope);
      case 'tuple': {
        const result: TfValue[] = [];
        for (const child of children)
          result.push(await this.node(child, scope));
        return result;
      }
      case 'object':
        return this.object(ast, scope);
      case 'for':
        return this.forExpression(ast, scope);
      default:
        return new Unknown(this.source(ast), false);
    }
  }

  private async traversal(ast: Ast, scope: Scope): Promise<TfValue> {
    const parts = (ast.meta?.traversal as TraversalPart[]) ?? [];
    const source = this.source(ast);
    const [root, second, ...rest] = parts;
    if (!root) return new Unknown(source, false);
    if (scope.bindings.has(root.segment)) {
      return applyTraversal(
        scope.bindings.get(root.segment) ?? null,
        parts.slice(1),
        source,
      );
    }
    if (root.segment === 'var' && second) {
      const value = scope.variables.has(second.segment)
        ? scope.variables.get(second.segment) ?? null
        : new Unknown(`var.${second.segment}`, false);
      return applyTraversal(value, rest, source);
    }
    if (root.segment === 'local' && second) {
      return applyTraversal(await scope.local(second.segment), rest, source);
    }
    // Resources, data sources, module outputs, path and terraform values: known at apply time.
    return new Unknown(source, true);
  }

  private async conditional(ast: Ast, scope: Scope): Promise<TfValue> {
    const [c, t, f] = ast.children ?? [];
    const condition = await this.node(c, scope);
    if (!isUnknown(condition)) {
      return this.node(toBool(condition) ? t : f, scope);
    }
    const whenTrue = await this.nodeOrUnknown(t, scope);
    const whenFalse = await this.nodeOrUnknown(f, scope);
    if (!containsUnknown(whenTrue) && deepEqual(whenTrue, whenFalse)) {
      return whenTrue;
    }
    const nonNull = [whenTrue, whenFalse].every(
      v => v !== null && (!isUnknown(v) || v.nonNull),
    );
    return new Unknown(this.source(ast), nonNull);
  }

  private async nodeOrUnknown(ast: Ast, scope: Scope): Promise<TfValue> {
    try {
      return await this.node(ast, scope);
    } catch (error) {
      if (error instanceof EvaluationError)
        return new Unknown(this.source(ast), false);
      throw error;
    }
  }

  private async binary(ast: Ast, scope: Scope): Promise<TfValue> {
    const [l, r] = ast.children ?? [];
    const op = String(ast.meta?.operator);
    const left = await this.node(l, scope);
    if (op === 'logicalAnd' && left === false) return false;
    if (op === 'logicalOr' && left === true) return true;
    const right = await this.node(r, scope);
    if (op === 'logicalAnd' && right === false) return false;
    if (op === 'logicalOr' && right === true) return true;
    if (op === 'equal' || op === 'notEqual') {
      // A value Terraform guarantees is never equal to null.
      const nullCheck = (a: TfValue, b: TfValue) =>
        b === null && isUnknown(a) && a.nonNull;
      if (nullCheck(left, right) || nullCheck(right, left)) {
        return op === 'notEqual';
      }
    }
    if (isUnknown(left) || isUnknown(right)) {
      return new Unknown(this.source(ast), true);
    }
    return applyOperator(op, left, right, this.source(ast));
  }

  private async call(ast: Ast, scope: Scope): Promise<TfValue> {
    const name = String(ast.meta?.name);
    const source = this.source(ast);
    const children = ast.children ?? [];
    if (name === 'try' || name === 'can') {
      for (const child of children) {
        try {
          const value = await this.node(child, scope);
          if (name === 'can')
            return isUnknown(value) ? new Unknown(source, true) : true;
          return value;
        } catch (error) {
          if (!(error instanceof EvaluationError)) throw error;
          if (name === 'can') return false;
        }
      }
      if (name === 'can') return false;
      throw new EvaluationError(`no argument of try succeeded in ${source}`);
    }
    let args: TfValue[] = [];
    for (const child of children)
      args.push(await this.nodeOrUnknown(child, scope));
    if (ast.meta?.expandedFinalArgument === true && args.length > 0) {
      const last = args[args.length - 1];
      if (isUnknown(last))
        return new Unknown(source, NON_NULL_RESULTS.has(name));
      args = [...args.slice(0, -1), ...listArg(last, name)];
    }
    if (name === 'coalesce') {
      for (const a of args) {
        if (isUnknown(a))
          return new Unknown(
            source,
            a.nonNull || args.some(x => isUnknown(x) && x.nonNull),
          );
        if (a !== null && a !== '') return a;
      }
      throw new EvaluationError('coalesce: no non-null argument');
    }
    if (name === 'jsonencode' && containsUnknown(args[0])) {
      return new Unknown(source, true, args[0]);
    }
    const impl = STRICT_FUNCTIONS[name];
    const blocked = STRUCTURAL_FUNCTIONS.has(name)
      ? args.some(isUnknown)
      : args.some(containsUnknown);
    if (!impl || blocked) {
      return new Unknown(source, NON_NULL_RESULTS.has(name));
    }
    return impl(args, source);
  }

  private async object(ast: Ast, scope: Scope): Promise<TfValue> {
    const children = ast.children ?? [];
    const result: TfObject = {};
    for (let i = 0; i + 1 < children.length; i += 2) {
      const keyNode = children[i];
      let key: TfValue;
      if (keyNode.children && keyNode.children.length > 0) {
        key = await this.node(keyNode.children[0], scope);
      } else if (keyNode.keyText !== undefined) {
        key = keyNode.keyText;
      } else {
        return new Unknown(this.source(ast), true);
      }
      if (isUnknown(key)) return new Unknown(this.source(ast), true);
      result[toText(key)] = await this.nodeOrUnknown(children[i + 1], scope);
    }
    return result;
  }

  private async forExpression(ast: Ast, scope: Scope): Promise<TfValue> {
    const meta = ast.meta ?? {};
    const children = ast.children ?? [];
    const isObject = this.source(ast).trim().startsWith('{');
    const hasCondition = String(meta.conditionalExpression ?? '') !== '';
    const collection = await this.node(children[0], scope);
    if (isUnknown(collection)) return new Unknown(this.source(ast), true);
    const keyNode = isObject ? children[1] : undefined;
    const valueNode = isObject ? children[2] : children[1];
    const conditionNode = hasCondition
      ? children[children.length - 1]
      : undefined;
    const entries: [TfValue, TfValue][] = Array.isArray(collection)
      ? collection.map((v, i) => [i, v])
      : Object.entries(objectArg(collection, 'for'));
    const keyVar = String(meta.keyVar ?? '');
    const valVar = String(meta.valVar ?? '');
    const tuple: TfValue[] = [];
    const object: TfObject = {};
    for (const [k, v] of entries) {
      const inner = withBindings(scope, {
        ...(keyVar ? { [keyVar]: k } : {}),
        [valVar]: v,
      });
      if (conditionNode) {
        const keep = await this.node(conditionNode, inner);
        if (isUnknown(keep)) return new Unknown(this.source(ast), true);
        if (!toBool(keep)) continue;
      }
      const value = await this.nodeOrUnknown(valueNode, inner);
      if (isObject && keyNode) {
        const key = await this.node(keyNode, inner);
        if (isUnknown(key)) return new Unknown(this.source(ast), true);
        if (meta.groupedValue === true) {
          const group = object[toText(key)];
          object[toText(key)] = [...(Array.isArray(group) ? group : []), value];
        } else object[toText(key)] = value;
      } else tuple.push(value);
    }
    return isObject ? object : tuple;
  }
}
