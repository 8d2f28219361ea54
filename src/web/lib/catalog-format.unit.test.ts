import { describe, expect, it } from 'vitest';
import { fenToYuan, yuanToFen } from './catalog-format.ts';
import { readSearchState, searchHref, toApiQuery, withFilter } from './search-params.ts';

describe('money as typed', () => {
  it('reads yuan with up to two decimals as fen', () => {
    expect(yuanToFen('0')).toBe(0);
    expect(yuanToFen('12.5')).toBe(1250);
    expect(yuanToFen('¥1,200.05')).toBe(120005);
    expect(yuanToFen('0.07')).toBe(7);
    expect(yuanToFen('12.345')).toBeNull();
    expect(yuanToFen('-1')).toBeNull();
    expect(yuanToFen('')).toBeNull();
    expect(fenToYuan(1999)).toBe('19.99');
  });
});

describe('search state in the address', () => {
  it('reads, writes and changes the state', () => {
    const state = readSearchState(new URLSearchParams('q=%20医保%20&department=hrss&page=3&bogus=1'));
    expect(state).toEqual({ q: '医保', filters: { department: 'hrss' }, page: 3 });
    expect(searchHref(state)).toBe('/services?q=%E5%8C%BB%E4%BF%9D&department=hrss&page=3');
    const narrowed = withFilter(state, 'subject', 'resident');
    expect(narrowed.page).toBe(1);
    expect(searchHref(withFilter(narrowed, 'department', null))).toBe(
      '/services?q=%E5%8C%BB%E4%BF%9D&subject=resident',
    );
    expect(toApiQuery(state)).toEqual({ q: '医保', department: 'hrss', limit: 10, offset: 20 });
    expect(readSearchState(new URLSearchParams('page=-2')).page).toBe(1);
  });
});
