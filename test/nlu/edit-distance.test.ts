import { describe, expect, it } from 'vitest';
import { editDistance } from '../../src/nlu/edit-distance.js';

describe('edit distance', () => {
  it('counts insertions, deletions, substitutions and a transposition as one edit each', () => {
    expect(editDistance('tay nin', 'tay ninh')).toBe(1);
    expect(editDistance('thai binhh', 'thai binh')).toBe(1);
    expect(editDistance('khanh hao', 'khanh hoa')).toBe(1);
    expect(editDistance('thai bihn', 'thai binh')).toBe(1);
    expect(editDistance('cu chi', 'cu chi')).toBe(0);
    expect(editDistance('ha noi', 'tay ninh')).toBeGreaterThan(3);
  });

  it('stops early past the limit it is given', () => {
    expect(editDistance('abcdef', 'uvwxyz', 1)).toBe(2);
    expect(editDistance('a', 'abcd', 1)).toBe(2);
  });
});
