import { parseQueryForm } from './awsQuery.ts';
import { renderXmlDocument } from './xml.ts';

describe('awsQuery', () => {
  it('parses wrapped, named and flattened lists into nested values', () => {
    expect(
      parseQueryForm(
        'Action=DescribeDBClusters&Version=2014-10-31' +
          '&Filters.Filter.1.Name=db-cluster-id' +
          '&Filters.Filter.1.Values.Value.1=a&Filters.Filter.1.Values.Value.2=b' +
          '&Targets.member.1.Id=10.0.0.1&Targets.member.1.Port=80' +
          '&AlarmNames.1=x&AlarmNames.2=y&Nested.Key=v%20w',
      ),
    ).toEqual({
      Action: 'DescribeDBClusters',
      Version: '2014-10-31',
      Filters: [{ Name: 'db-cluster-id', Values: ['a', 'b'] }],
      Targets: [{ Id: '10.0.0.1', Port: '80' }],
      AlarmNames: ['x', 'y'],
      Nested: { Key: 'v w' },
    });
  });

  it('renders lists with their item names, dates as ISO 8601 and escapes text', () => {
    expect(
      renderXmlDocument(
        'R',
        'urn:x',
        {
          Items: ['a<b'],
          Tags: [{ Key: 'k', Value: '"v"' }],
          At: new Date('2026-01-02T03:04:05.000Z'),
          Flag: false,
          Skipped: undefined,
        },
        { Tags: 'Tag' },
      ),
    ).toBe(
      '<?xml version="1.0" encoding="UTF-8"?><R xmlns="urn:x">' +
        '<Items><member>a&lt;b</member></Items>' +
        '<Tags><Tag><Key>k</Key><Value>&quot;v&quot;</Value></Tag></Tags>' +
        '<At>2026-01-02T03:04:05.000Z</At><Flag>false</Flag></R>',
    );
  });
});
