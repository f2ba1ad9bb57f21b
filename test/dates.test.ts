// The one date reader (src/text/dates.ts) with the calendar knowledge: the written forms of headers,
// datelines and cover pages, deal-text dates at their precision, and a checked month table.
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dateMentions, findDate, toIsoDate } from '../src/text/dates.ts';
import { DATA_DIR, DataFiles } from '../src/knowledge/files.ts';
import { loadCalendarKnowledge } from '../src/knowledge/calendar.ts';
import { isKgError } from '../src/errors.ts';
import { knowledge } from './support/knowledge.ts';

const { dates } = knowledge.calendar;

describe('toIsoDate and findDate', () => {
  it.each([
    ['20250415', '2025-04-15'],
    ['2025-04-15', '2025-04-15'],
    ['July 31, 2007', '2007-07-31'],
    ['Sept. 3rd, 2019', '2019-09-03'],
    ['FEB 13 2025', '2025-02-13'],
    ['13 February 2025', '2025-02-13'],
    ['13.02.2025', '2025-02-13'],
  ])('reads %j as %s', (text, iso) => {
    expect(toIsoDate(dates, text)).toBe(iso);
  });

  it('refuses what is not a date', () => {
    expect(toIsoDate(dates, 'Smarch 3, 2020')).toBeUndefined();
    expect(toIsoDate(dates, '2025-13-01')).toBeUndefined();
  });

  it('finds the first written date with its place', () => {
    expect(findDate(dates, 'Date of Report: March 3, 2011 (earliest event)')).toEqual({ iso: '2011-03-03', index: 16, length: 13 });
  });
});

describe('dateMentions', () => {
  it('reads deal-text dates at their written precision, offsets into the text', () => {
    const text = 'On March 3, 2011, and in June 2012 and 5 May 2013 (2014-02-28)';
    expect(dateMentions(dates, text).map((d) => [d.iso, text.slice(d.start, d.end)])).toEqual([
      ['2011-03-03', 'March 3, 2011'],
      ['2012-06', 'June 2012'],
      ['2013-05-05', '5 May 2013'],
      ['2014-02-28', '2014-02-28'],
    ]);
    expect(dateMentions(dates, text, 20).map((d) => d.iso)).toEqual(['2012-06', '2013-05-05', '2014-02-28']);
  });
});

describe('the month table', () => {
  it('must give every month its three-letter form', () => {
    const dir = mkdtempSync(join(tmpdir(), 'kg-months-'));
    try {
      cpSync(join(DATA_DIR, 'patterns'), join(dir, 'patterns'), { recursive: true });
      writeFileSync(join(dir, 'patterns', 'months.tsv'), 'form\tmonth\njanuary\t1\njan\t1\nfebruary\t2\n');
      let caught: unknown;
      try {
        loadCalendarKnowledge(new DataFiles(dir));
      } catch (error) {
        caught = error;
      }
      expect(isKgError(caught) && caught.code).toBe('CONFIG_INVALID');
      expect(isKgError(caught) && caught.message).toMatch(/data\/patterns\/months\.tsv: month 2 has no three-letter form/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
