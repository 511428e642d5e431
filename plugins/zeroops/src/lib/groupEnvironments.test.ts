import { groupEnvironments } from './groupEnvironments';
import { environment } from '../__testUtils__/fixtures';

describe('groupEnvironments', () => {
  it('puts pull-request environments right after staging, by PR number', () => {
    const rows = groupEnvironments([
      environment({ name: 'production' }),
      environment({ name: 'pr-42', kind: 'ephemeral', pullRequest: 42 }),
      environment({ name: 'staging' }),
      environment({ name: 'pr-7', kind: 'ephemeral', pullRequest: 7 }),
    ]);
    expect(rows.map(r => [r.environment.name, r.nested])).toEqual([
      ['production', false],
      ['staging', false],
      ['pr-7', true],
      ['pr-42', true],
    ]);
  });

  it('puts them last when there is no staging environment', () => {
    const rows = groupEnvironments([
      environment({ name: 'pr-3', kind: 'ephemeral', pullRequest: 3 }),
      environment({ name: 'production' }),
      environment({ name: 'qa' }),
    ]);
    expect(rows.map(r => r.environment.name)).toEqual([
      'production',
      'qa',
      'pr-3',
    ]);
  });
});
