import { describe, expect, it } from 'vitest';
import { csvTable } from './csv-table.ts';

describe('csvTable', () => {
  it('quotes cells with commas, quotes or line breaks, and defuses cells a spreadsheet would run as formulas', () => {
    expect(
      csvTable(
        ['name', 'note', 'count'],
        [
          ['Ada, "the first"', 'line\nbreak', 3],
          ['=HYPERLINK("http://evil.example")', '+1', null],
          ['-2', '@sum', true],
        ],
      ),
    ).toBe(
      'name,note,count\r\n"Ada, ""the first""","line\nbreak",3\r\n"\'=HYPERLINK(""http://evil.example"")",\'+1,\r\n\'-2,\'@sum,true\r\n',
    );
  });
});
