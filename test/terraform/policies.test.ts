import { formatFindings } from './lib/findings.ts';
import { evaluateAllModules, evaluateSnippet } from './lib/module-suite.ts';
import { POLICY_RULES } from './lib/policies/index.ts';
import { resourcesOf } from './lib/policies/policy-rule.ts';
import { POLICY_FIXTURES } from './policy-fixtures.ts';

const production = { environment: 'production' };

// Evaluating every module parses hundreds of expressions in WebAssembly: slow on a busy machine.
jest.setTimeout(60_000);

describe('In-house Terraform rules (what Checkov does not prove)', () => {
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
});
