/** The histogram's bars, in Node: the unit, the axis over where most events lie, the earlier and later bars. */
import { describe, expect, test } from 'vitest';
import { histogramBins } from '../../viewer/src/timeline.js';

const dated = (dates: string[]) => dates.map((date, i) => ({ node: `e${i}`, date }));

describe('histogramBins', () => {
  test('events within a few weeks get a bar a day, the days without events too', () => {
    const bins = histogramBins(dated(['2020-03-01', '2020-03-01', '2020-03-04']));
    expect(bins.map((b) => [b.label, b.events.length])).toEqual([['2020-03-01', 2], ['2020-03-02', 0], ['2020-03-03', 0], ['2020-03-04', 1]]);
    expect(bins[0]).toMatchObject({ from: '2020-03-01', to: '2020-03-01' });
  });

  test('a year or two of events gets a bar a month; one misdated by decades goes to an earlier bar that reaches up to the axis', () => {
    const months = Array.from({ length: 40 }, (_, i) => `2019-${String((i % 12) + 1).padStart(2, '0')}-15`);
    const bins = histogramBins(dated([...months, '1963-05-01', '2020-01-10']));
    expect(bins[0]).toMatchObject({ label: 'before 2019-01', from: null, to: '2018-12-31', events: ['e40'] });
    expect(bins[1]).toMatchObject({ label: '2019-01', from: '2019-01-01', to: '2019-01-31' });
    // The one event past the 98th percentile is the later bar's.
    expect(bins.slice(1).map((b) => b.label)).toEqual([...Array.from({ length: 12 }, (_, i) => `2019-${String(i + 1).padStart(2, '0')}`), 'after 2019-12']);
    expect(bins[bins.length - 1]).toMatchObject({ from: '2020-01-01', events: ['e41'] });
    expect(bins.reduce((n, b) => n + b.events.length, 0)).toBe(42);
  });

  test('a decade gets a bar a year; later outliers go to a later bar starting the day after the axis', () => {
    const years = Array.from({ length: 60 }, (_, i) => `${2010 + (i % 10)}-06-01`);
    const bins = histogramBins(dated([...years, '2090-01-01']));
    expect(bins[0].label).toBe('2010');
    expect(bins[bins.length - 1]).toMatchObject({ label: 'after 2019', from: '2020-01-01', to: null, events: ['e60'] });
    expect(histogramBins([])).toEqual([]);
  });
});
