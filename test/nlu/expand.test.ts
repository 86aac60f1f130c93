import { describe, expect, it } from 'vitest';
import { AbbreviationExpander } from '../../src/nlu/expand.js';
import { loadGlossary, placeNames } from '../../src/nlu/glossary.js';
import { syllables } from '../../src/text/normalize.js';
import { analyzer } from './helpers.js';

const expander = new AbbreviationExpander(loadGlossary().abbreviations, placeNames(loadGlossary()));
const expand = (text: string) => expander.expand(syllables(text)).tokens.join(' ');

describe('abbreviation expansion', () => {
  it('expands the forms officials type, with and without diacritics', () => {
    expect(expand('UBND tỉnh')).toBe('uy ban nhan dan tinh');
    expect(expand('MTTQ')).toBe('mat tran to quoc');
    expect(expand('CĐCS')).toBe('cong doan co so');
    expect(expand('cdcs')).toBe('cong doan co so');
    expect(expand('CĐ ngành Y tế')).toBe('cong doan nganh y te');
    expect(expand('XHHT')).toBe('xa hoi hoc tap');
    // A body's initials as the plan's own "Lưu:" line writes them, and with dashes.
    expect(expand('Phòng HCTCQTTV')).toBe('phong hanh chinh to chuc quan tri tai vu');
    expect(expand('phòng HC-TC-QTTV')).toBe('phong hanh chinh to chuc quan tri tai vu');
  });

  it('joins every spelling of GD&ĐT into one expansion', () => {
    for (const form of ['Sở GD&ĐT', 'Sở GDĐT', 'Sở GD và ĐT', 'so gddt', 'Sở GD-ĐT']) {
      expect(expand(form), form).toBe('so giao duc va dao tao');
    }
  });

  it('reads KH, BK, TN and TT by context', () => {
    expect(expand('KH 62')).toBe('ke hoach 62');
    expect(expand('TT 25')).toBe('thong tu 25');
    expect(expand('TT LĐLĐ tỉnh')).toBe('thuong truc lien doan lao dong tinh');
    expect(expand('25/2023/TT-BGDĐT')).toBe('25 2023 thong tu bo giao duc va dao tao');
    // "KH", "BK", "TN" name a place after a word that goes with a place ("TN" also at the end); otherwise a kế hoạch, a Bằng khen.
    expect(expand('triển khai KH')).toBe('trien khai ke hoach');
    expect(expand('tiêu chí tỉnh KH')).toBe('tieu chi tinh khanh hoa');
    expect(expand('hạn báo cáo TN')).toBe('han bao cao tay ninh');
    expect(expand('KH nào có BK của Thủ tướng')).toBe('ke hoach nao co bang khen cua thu tuong');
    expect(expand('VP UBND BK giao ai')).toBe('van phong uy ban nhan dan bac kan giao ai');
    expect(expand('TN sơ kết khi nào')).toBe('tay ninh so ket khi nao');
    // Before a number the letters are a document's type, whatever stands before them.
    expect(expand('tiêu chí ở KH 62 TB')).toBe('tieu chi o ke hoach 62 tb');
    // …and before another place's name: the Kế hoạch of that place.
    expect(expand('giai đoạn 1 ở KH Tây Ninh bắt đầu năm nào')).toBe('giai doan 1 o ke hoach tay ninh bat dau nam nao');
    expect(expand('giai đoạn 1 ở KH bắt đầu năm nào')).toBe('giai doan 1 o khanh hoa bat dau nam nao');
    // (An abbreviation opening a place's name opens it too: "VP" of "Văn phòng UBND tỉnh Bắc Kạn".)
    expect(expand('tiêu chí ở KH VP Bắc Kạn')).toBe('tieu chi o ke hoach van phong bac kan');
  });

  it('reads a quarter or a phase written in Roman numerals or in words as its number', () => {
    expect(expand('sơ kết vào quý IV năm 2025')).toBe('so ket vao quy 4 nam 2025');
    expect(expand('giai đoạn hai')).toBe('giai doan 2');
    // Only after those words: "mục IV", "phần hai" stay as written.
    expect(expand('mục IV')).toBe('muc iv');
  });

  it('a form bound to the words before it may follow a phrase of several words', () => {
    expect(expand('văn phòng BK')).toBe('van phong bac kan');
  });

  it('place initials listed after place initials are places too ("TB, TN và KH")', () => {
    expect(expand('tỉnh TB, TN và KH')).toBe('tinh tb tay ninh va khanh hoa');
    expect(expand('KH Thái Bình và KH Tây Ninh')).toBe('ke hoach thai binh va ke hoach tay ninh');
  });

  it('expands chat shorthand', () => {
    expect(expand('ko biết hạn nộp bc')).toBe('khong biet han nop bao cao');
    expect(expand('tiêu chí j')).toBe('tieu chi gi');
  });

  it('keeps the abbreviations as typed for indexing', () => {
    expect(expander.expand(syllables('UBND và MTTQ')).originals).toEqual(['ubnd', 'mttq']);
  });
});

describe('a number glued to an abbreviation', () => {
  it('one digit after letters without a vowel is the abbreviation and a number ("gđ1"); after a vowel it is a VNI mark', () => {
    expect(analyzer().analyze('gđ1 của phong trào từ năm nào').expanded.slice(0, 3)).toEqual(['giai', 'doan', '1']);
    expect(analyzer().analyze('GD2 kéo dài mấy năm').expanded.slice(0, 3)).toEqual(['giai', 'doan', '2']);
    expect(analyzer().analyze('tie6u chi thi dua').repaired[0]).toBe('tieu');
  });
});
