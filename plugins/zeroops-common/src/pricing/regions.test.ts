import { estimateMonthlyCost } from './estimateMonthlyCost';
import {
  AWS_PRICE_TABLES,
  AwsPriceTable,
  priceTableForRegion,
} from './priceTable';
import { DEFAULT_SERVICE_SIZING } from './sizing';

/** The regions the issue asks a dated table for: each either has one or fails clearly. */
const REQUESTED_REGIONS = [
  'us-east-1',
  'us-east-2',
  'us-west-2',
  'eu-west-1',
  'eu-central-1',
  'ap-southeast-2',
];

/** Every price of a table, by its path (`fargate.x86_64.vcpuHour`, ...). */
function prices(table: AwsPriceTable): Array<[string, unknown]> {
  const out: Array<[string, unknown]> = [];
  const walk = (value: unknown, path: string) => {
    if (value !== null && typeof value === 'object') {
      for (const [key, child] of Object.entries(value)) {
        walk(child, path ? `${path}.${key}` : key);
      }
    } else {
      out.push([path, value]);
    }
  };
  const metadata = new Set(['region', 'asOf', 'source', 'currency']);
  for (const [key, value] of Object.entries(table)) {
    if (!metadata.has(key)) walk(value, key);
  }
  return out;
}

/** The fields every table must price: those of the us-east-1 table, the reference. */
const PRICE_FIELDS = prices(AWS_PRICE_TABLES['us-east-1'])
  .map(([path]) => path)
  .sort();

describe.each(Object.entries(AWS_PRICE_TABLES))(
  'the dated price table of %s',
  (region, table) => {
    it('is listed under its own region, dated YYYY-MM, with a source, in USD', () => {
      expect(table.region).toBe(region);
      expect(table.asOf).toMatch(/^\d{4}-(0[1-9]|1[0-2])$/);
      expect(table.source.trim()).not.toBe('');
      expect(table.currency).toBe('USD');
    });

    it('prices every field with a positive, finite number', () => {
      const entries = prices(table);
      expect(entries.map(([path]) => path).sort()).toEqual(PRICE_FIELDS);
      for (const [path, value] of entries) {
        expect([path, typeof value]).toEqual([path, 'number']);
        expect([path, Number.isFinite(value as number)]).toEqual([path, true]);
        expect([path, (value as number) > 0]).toEqual([path, true]);
      }
    });

    it('is the table an estimate for the region uses and names', () => {
      expect(priceTableForRegion(region)).toBe(table);
      const estimate = estimateMonthlyCost(
        DEFAULT_SERVICE_SIZING,
        priceTableForRegion(region),
      );
      expect(estimate.region).toBe(region);
      expect(estimate.priceTableDate).toBe(table.asOf);
      expect(Number.isFinite(estimate.monthlyUsd)).toBe(true);
      expect(estimate.monthlyUsd).toBeGreaterThan(0);
    });
  },
);

describe('regions the issue asks prices for', () => {
  /** The region an estimate is priced for, or the error that stops it. */
  const outcome = (region: string) => {
    try {
      return estimateMonthlyCost(
        DEFAULT_SERVICE_SIZING,
        priceTableForRegion(region),
      ).region;
    } catch (error) {
      return `${(error as Error).name}: ${(error as Error).message}`;
    }
  };

  it.each(REQUESTED_REGIONS)(
    '%s has a dated table or fails clearly, never falling back to another region',
    region => {
      const priced = Object.prototype.hasOwnProperty.call(
        AWS_PRICE_TABLES,
        region,
      );
      expect(outcome(region)).toBe(
        priced
          ? region
          : `RangeError: No dated AWS price table for region "${region}"; prices are available for ${Object.keys(
              AWS_PRICE_TABLES,
            ).join(', ')}`,
      );
    },
  );

  it('still fails clearly for a region nobody asked for', () => {
    expect(outcome('xx-nowhere-1')).toMatch(
      /^RangeError: No dated AWS price table for region "xx-nowhere-1"/,
    );
  });
});
