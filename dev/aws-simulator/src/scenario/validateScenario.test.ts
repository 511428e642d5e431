import { parseScenarioYaml } from './loadScenario.ts';
import { validateScenario } from './validateScenario.ts';

const minimal = {
  name: 'minimal',
  accounts: [{ id: '111111111111' }],
  defaultAccount: '111111111111',
  environments: [
    { name: 'production', kind: 'persistent', account: '111111111111' },
  ],
  services: [{ name: 'api', type: 'api', instances: { production: {} } }],
};

describe('scenario validation', () => {
  it('accepts a minimal scenario and unquoted account ids from YAML', () => {
    expect(validateScenario(minimal).services[0].name).toBe('api');
    const parsed = parseScenarioYaml(
      [
        'name: yaml',
        'accounts: [{ id: 111111111111 }]',
        'defaultAccount: 111111111111',
        'environments:',
        '  - { name: production, kind: persistent, account: 111111111111 }',
        'services: []',
      ].join('\n'),
    );
    expect(parsed.defaultAccount).toBe('111111111111');
  });

  it.each([
    [
      { ...minimal, accounts: [{ id: '123' }] },
      /accounts\[0\]\.id must be a 12-digit AWS account id/,
    ],
    [
      { ...minimal, defaultAccount: '999999999999' },
      /defaultAccount 999999999999 is not listed in accounts/,
    ],
    [
      { ...minimal, services: [{ name: 'Api_1', type: 'api', instances: {} }] },
      /services\[0\]\.name "Api_1" must be a lowercase DNS label/,
    ],
    [
      {
        ...minimal,
        services: [{ name: 'api', type: 'api', instances: { qa: {} } }],
      },
      /services\[0\]\.instances\.qa must be a persistent environment \(production\) or pr-<n>/,
    ],
    [
      {
        ...minimal,
        services: [{ name: 'api', type: 'api', instances: { 'pr-3': {} } }],
      },
      /no environment has kind ephemeral/,
    ],
    [
      {
        ...minimal,
        services: [
          {
            name: 'api',
            type: 'api',
            instances: { production: { deployment: 'exploding' } },
          },
        ],
      },
      /deployment must be one of steady, blue-green-in-progress/,
    ],
    [
      { ...minimal, budgets: [{ name: 'b', limit: 1, consumedPercent: 80 }] },
      /exactly one of limit and consumedPercent/,
    ],
    [{ ...minimal, colour: 'blue' }, /scenario\.colour is not a known field/],
    [
      { ...minimal, faults: [{ throttleRate: 3 }] },
      /throttleRate must be a number from 0 to 1/,
    ],
  ])(
    'rejects an invalid scenario with a message naming the path (%#)',
    (input, message) => {
      expect(() => validateScenario(input)).toThrow(message);
    },
  );

  it('names the file and the YAML problem', () => {
    expect(() => parseScenarioYaml('name: [unclosed', 'my.yaml')).toThrow(
      /my\.yaml is not valid YAML/,
    );
  });
});
