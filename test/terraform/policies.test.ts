import { formatFindings } from './lib/findings.ts';
import { evaluateAllModules, evaluateSnippet } from './lib/module-suite.ts';
import { POLICY_RULES } from './lib/policies/index.ts';
import { resourcesOf } from './lib/policies/policy-rule.ts';
import { POLICY_FIXTURES } from './policy-fixtures.ts';

const production = { environment: 'production' };

// Evaluating every module parses hundreds of expressions in WebAssembly: slow on a busy machine.
jest.setTimeout(60_000);

describe('Terraform policy rules (offline mirrors of Checkov and Trivy)', () => {
  it('has one bad and one good fixture for every rule, and no fixture without a rule', () => {
    const ids = POLICY_RULES.map(r => r.id);
    expect(Object.keys(POLICY_FIXTURES).sort()).toEqual([...ids].sort());
    expect(new Set(ids).size).toBe(ids.length);
  });

  describe.each(
    POLICY_RULES.map(rule => [`${rule.id} ${rule.title}`, rule] as const),
  )('%s', (_name, rule) => {
    it('holds for every module, evaluated with the inputs of each example', async () => {
      const models = await evaluateAllModules();
      const findings = models.flatMap(model => rule.check(model));
      expect(formatFindings(findings)).toBe('');
    });

    it('inspects at least one resource of the modules (cannot pass vacuously)', async () => {
      const models = await evaluateAllModules();
      const inspected = models.flatMap(model =>
        rule.resourceTypes.includes('*')
          ? model.resources
          : resourcesOf(model, rule.resourceTypes),
      );
      expect(inspected.length).toBeGreaterThan(0);
    });

    it('rejects its insecure fixture', async () => {
      const model = await evaluateSnippet(
        POLICY_FIXTURES[rule.id].bad,
        production,
      );
      expect(rule.check(model).length).toBeGreaterThan(0);
    });

    it('accepts its secure fixture', async () => {
      const model = await evaluateSnippet(
        POLICY_FIXTURES[rule.id].good,
        production,
      );
      expect(formatFindings(rule.check(model))).toBe('');
    });
  });

  it('documents every checkov:skip with a reason', async () => {
    const models = await evaluateAllModules();
    const skips = models.flatMap(m =>
      m.resources.flatMap(r =>
        Object.entries(r.skips).map(([id, reason]) => ({
          id,
          reason,
          at: `${m.name} ${r.address}`,
        })),
      ),
    );
    expect(skips.length).toBeGreaterThan(0);
    for (const skip of skips) {
      expect({
        at: skip.at,
        id: /^CKV2?_AWS_\d+$/.test(skip.id),
        reason: skip.reason.length > 20,
      }).toEqual({
        at: skip.at,
        id: true,
        reason: true,
      });
    }
  });

  it('lets a rule ignore a resource only through a checkov:skip comment with its id', async () => {
    const rule = POLICY_RULES.find(r => r.id === 'CKV_AWS_7')!;
    const model = await evaluateSnippet(
      'resource "aws_kms_key" "this" {\n  #checkov:skip=CKV_AWS_7:Asymmetric signing key that cannot rotate.\n  description = "signing"\n}\n',
      production,
    );
    expect(rule.check(model)).toEqual([]);
    const other = POLICY_RULES.find(r => r.id === 'CKV_AWS_66')!;
    const logs = await evaluateSnippet(
      'resource "aws_cloudwatch_log_group" "this" {\n  #checkov:skip=CKV_AWS_7:Not about this rule at all.\n  name = "x"\n}\n',
      production,
    );
    expect(other.check(logs).length).toBe(1);
  });
});
