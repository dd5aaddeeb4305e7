import { describe, expect, it } from 'vitest';
import { ImportError } from './errors';
import { parseMarketsCsv } from './markets';

describe('markets CSV', () => {
  it('reads quoted multi-line headings and empty currencies', () => {
    const text = 'region_id,region_heading_de,country_or_region_de,currency\r\nmea,"Naher Osten\n Mitteleuropa",Kosovo,\r\neurope,Europa,Deutschland,EUR\r\n';
    expect(parseMarketsCsv(text, 'markets.csv')).toEqual([
      { regionId: 'mea', regionHeading: 'Naher Osten Mitteleuropa', countryName: 'Kosovo', currency: null, row: 2 },
      { regionId: 'europe', regionHeading: 'Europa', countryName: 'Deutschland', currency: 'EUR', row: 3 },
    ]);
  });

  it('names the row and column of a problem', () => {
    const text = 'region_id,region_heading_de,country_or_region_de,currency\r\neurope,Europa,Deutschland,EUR\r\neurope,Europa,,EUR\r\n';
    expect(() => parseMarketsCsv(text, 'markets.csv')).toThrow(new ImportError({ code: 'INVALID_VALUE', file: 'markets.csv', row: 3, field: 'country_or_region_de', reason: 'EMPTY_VALUE' }));
    const err = (() => { try { parseMarketsCsv(text, 'markets.csv'); } catch (e) { return e as ImportError; } })();
    expect(err?.messageJa).toBe('ファイル markets.csv: 3 行目: 列「country_or_region_de」: 値が空です');
    expect(() => parseMarketsCsv(text, 'markets.csv')).toThrow('markets.csv: row 3: column country_or_region_de: is empty');
    expect(() => parseMarketsCsv('a,b\r\n1,2', 'm.csv')).toThrow('m.csv: row 1: column region_id: column missing from the header');
  });
});
