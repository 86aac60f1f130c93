import { describe, expect, it } from 'vitest';
import { analyzer } from './helpers.js';

const slots = (q: string) => analyzer().analyze(q).slots;

describe('locality → plan', () => {
  it('finds each place with and without diacritics, new-style tones and common misspellings', () => {
    const cases: Array<[string, string]> = [
      ['hạn báo cáo Tây Ninh', 'tay-ninh'],
      ['han bao cao tay ninh', 'tay-ninh'],
      ['tiêu chí Khánh Hoà', 'khanh-hoa'],
      ['tieu chi khanh hoa', 'khanh-hoa'],
      ['giấy khen Bắc Cạn', 'bac-kan-vp'],
      ['giay khen bac kann', 'bac-kan-vp'],
      ['kinh phí TP.HCM', 'cu-chi'],
      ['kinh phi tphcm', 'cu-chi'],
      ['hạn báo cáo huyện Củ Chi', 'cu-chi'],
      ['hạn báo cáo TB', 'thai-binh'],
      ['tiêu chí Thái Bìnhh', 'thai-binh'],
    ];
    for (const [q, plan] of cases) expect(slots(q).plans, q).toEqual([plan]);
  });

  it('maps Thái Bình to the UBND plan with the union letter as fallback, and narrows it by "công đoàn"', () => {
    expect(slots('tiêu chí Thái Bình')).toMatchObject({ plans: ['thai-binh'], alternates: { 'thai-binh': ['thai-binh-cdyt'] } });
    expect(slots('công đoàn ngành y tế Thái Bình đề nghị gì').plans).toEqual(['thai-binh-cdyt']);
    expect(slots('CĐCS phải làm gì').plans).toEqual(['thai-binh-cdyt']);
  });

  it('finds a place whose first syllable is written as its initial ("T.Ninh", "B.Kạn"), never a lettered point', () => {
    expect(slots('T.Ninh tiêu chí cấp xã').plans).toEqual(['tay-ninh']);
    expect(slots('kế hoạch B.Kạn ai ký').plans).toEqual(['bac-kan-vp']);
    expect(slots('ý c của phần yêu cầu').plans).toEqual([]);
  });

  it('finds a place whose first syllable is written by its consonants ("KH Hòa"), before "KH" is read as "kế hoạch"', () => {
    expect(slots('KH Hòa giao sở nào bố trí kinh phí').plans).toEqual(['khanh-hoa']);
    expect(slots('kh hoa tong ket nam nao').plans).toEqual(['khanh-hoa']);
    expect(slots('kh nào có tiêu chí cho doanh nghiệp').plans).toEqual([]);
  });

  it('reads "a" after an item noun as the lettered point only where it cannot be the polite "ạ"', () => {
    expect(slots('còn yêu cầu ý a').ordinal).toBe(1);
    expect(slots('yeu cau a thi sao').ordinal).toBe(1);
    expect(slots('cho em hoi ve yeu cau a').ordinal).toBeUndefined();
    expect(slots('ben em o Cu Chi a, khen thuong vao dip nao').ordinal).toBeUndefined();
  });

  it('"số N" after a list\'s name is its item, with "thi đua" or "phong trào" between; a document number is not', () => {
    expect(slots('giải pháp số 2 của Tây Ninh là gì').ordinal).toBe(2);
    expect(slots('nội dung phong trào số 4 ở Khánh Hòa').ordinal).toBe(4);
    expect(slots('kế hoạch số 62 ban hành ngày nào').ordinal).toBeUndefined();
  });

  it('recognises places that are not in the data', () => {
    expect(slots('kế hoạch của Hà Nội')).toMatchObject({ plans: [], otherLocalities: ['Hà Nội'] });
    expect(slots('han nop bao cao da nang').otherLocalities).toEqual(['Đà Nẵng']);
  });

  it('marks questions across plans', () => {
    expect(slots('tỉnh nào có bằng khen thủ tướng').crossPlan).toBe(true);
    expect(slots('so sánh hạn báo cáo Tây Ninh và Khánh Hòa')).toMatchObject({ crossPlan: true, plans: ['tay-ninh', 'khanh-hoa'] });
    expect(slots('hạn báo cáo Tây Ninh').crossPlan).toBe(false);
  });
});

describe('other slots', () => {
  it('target groups, without mistaking "xã hội" for "xã"', () => {
    expect(slots('tiêu chí cấp xã').targets).toEqual(['cap-xa']);
    expect(slots('tieu chi doanh nghiep').targets).toEqual(['doanh-nghiep']);
    expect(slots('tiêu chí hộ gia đình, dòng họ').targets).toEqual(['ho-gia-dinh']);
    expect(slots('tiêu chí MTTQ').targets).toEqual(['mttq-doan-the']);
    expect(slots('tiêu chí xây dựng xã hội học tập').targets).toEqual([]);
    // "huyện Củ Chi" names the place, not the district level.
    expect(slots('tiêu chí cá nhân huyện Củ Chi').targets).toEqual(['ca-nhan']);
  });

  it('award kinds and award names', () => {
    expect(slots('khen thưởng hằng năm').awardKinds).toEqual(['hang-nam']);
    expect(slots('khen thuong hang nam').awardKinds).toEqual(['hang-nam']);
    expect(slots('khen thưởng sơ kết').awardKinds).toEqual(['so-ket']);
    expect(slots('khen thưởng tổng kết').awardKinds).toEqual(['tong-ket']);
    expect(slots('Bằng khen của Thủ tướng Chính phủ').awards).toEqual(['bk-thu-tuong']);
    expect(slots('BK chủ tịch tỉnh').awards).toEqual(['bk-chu-tich-tinh']);
  });

  it('agencies, whatever the spelling', () => {
    expect(slots('Sở GD&ĐT làm gì').agencies).toEqual(['giao-duc']);
    expect(slots('SNV làm gì').agencies).toEqual(['noi-vu']);
    expect(slots('so tai chinh').agencies).toEqual(['tai-chinh']);
  });

  it('document references, and years that are not references', () => {
    expect(slots('KH 62 ban hành ngày nào').docrefs).toEqual([{ type: 'ke hoach', number: '62' }]);
    expect(slots('QĐ 1373').docrefs).toEqual([{ type: 'quyet dinh', number: '1373' }]);
    expect(slots('Thông tư 25 quy định gì').docrefs).toEqual([{ type: 'thong tu', number: '25' }]);
    expect(slots('kh62').docrefs).toEqual([{ type: 'ke hoach', number: '62' }]);
    expect(slots('62/KH-UBND').docrefs).toEqual([{ number: '62' }]);
    expect(slots('kế hoạch số 1792').docrefs).toEqual([{ type: 'ke hoach', number: '1792' }]);
    expect(slots('sơ kết năm 2025')).toMatchObject({ docrefs: [], years: [2025] });
  });
});

describe('place names that contain a level word', () => {
  it('"cấp tỉnh Khánh Hòa" is the province level of Khánh Hòa', () => {
    expect(slots('tiêu chí cấp tỉnh Khánh Hòa')).toMatchObject({ plans: ['khanh-hoa'], targets: ['cap-tinh'] });
    expect(slots('tiêu chí cấp huyện huyện Củ Chi')).toMatchObject({ plans: ['cu-chi'], targets: ['cap-huyen'] });
  });
});

describe('section numbers and ordinals', () => {
  it('reads "mục II.3", "phần IV", a bare "VI.2" and the legal order "điểm b khoản 1 mục III"', () => {
    expect(slots('mục II.3 kế hoạch Tây Ninh nói gì').sections).toEqual(['II.3']);
    expect(slots('phan IV cua ke hoach cu chi').sections).toEqual(['IV']);
    expect(slots('VI.2 của Bắc Kạn').sections).toEqual(['VI.2']);
    expect(slots('điểm b khoản 1 mục III Khánh Hòa').sections).toEqual(['III.1.b']);
    expect(slots('mục VII Tây Ninh').sections).toEqual(['VII']);
    expect(slots('phần VI mục 2 của Thái Bình').sections).toEqual(['VI.2']);
  });

  it('keeps a point\'s letter, written after the numbers or before them, and tells "đ" from "d" as typed', () => {
    expect(slots('mục IV.2.c KH Thái Bình nói gì').sections).toEqual(['IV.2.c']);
    expect(slots('IV.2.c Thái Bình').sections).toEqual(['IV.2.c']);
    expect(slots('điểm đ khoản 2 mục IV Thái Bình').sections).toEqual(['IV.2.đ']);
    expect(slots('diem d khoan 2 muc IV thai binh').sections).toEqual(['IV.2.d']);
  });

  it('reads a third numbered level ("mục II.2.1"), the ordinal after it apart', () => {
    const s = slots('Đề án thứ hai ở mục II.2.1 của Củ Chi');
    expect(s.sections).toEqual(['II.2.1']);
    expect(s.ordinal).toBe(2);
  });

  it('reads a subsection number after an item\'s word ("ý 2.3", "nội dung cụ thể 2.1") as a section, not as "ý 2"', () => {
    expect(slots('trích nguyên văn ý 2.3').sections).toEqual(['2.3']);
    expect(slots('trích nguyên văn ý 2.3').ordinal).toBeUndefined();
    expect(slots('nội dung cụ thể 2.1 của Củ Chi').sections).toEqual(['2.1']);
  });

  it('never takes a section number for a document number, nor "vì" for a numeral', () => {
    const s = slots('mục II.3 kế hoạch Tây Ninh');
    expect(s.docrefs).toEqual([]);
    expect(slots('vì sao phải báo cáo').sections).toEqual([]);
  });

  it('reads an ordinal after "thứ", and "đầu tiên" / "cuối cùng" only after an item noun', () => {
    expect(slots('ý thứ hai của mục đích').ordinal).toBe(2);
    expect(slots('giai phap thu 5 cua tay ninh').ordinal).toBe(5);
    expect(slots('tiêu chí đầu tiên cho cấp xã').ordinal).toBe(1);
    expect(slots('giải pháp cuối cùng là gì').ordinal).toBe(-1);
    expect(slots('ngày cuối cùng nộp báo cáo').ordinal).toBeUndefined();
  });

  it('leaves the word that names the list whole: "mục đích thứ 2" is the second of the purposes', () => {
    const s = slots('Mục đích thứ 2 của kế hoạch Bắc Kạn');
    expect(s.ordinal).toBe(2);
    expect(s.spans.find((sp) => sp.kind === 'ordinal')).toMatchObject({ start: 2, end: 4 });
    expect(slots('ý thứ 2').spans.find((sp) => sp.kind === 'ordinal')).toMatchObject({ start: 0, end: 3 });
  });

  it('reads a bare number after a list\'s name as its item ("giải pháp 3"), never a section\'s number after it ("nội dung 2.3")', () => {
    const s = slots('Khánh Hòa giải pháp 3 nói gì');
    expect(s.ordinal).toBe(3);
    expect(s.spans.find((sp) => sp.kind === 'ordinal')).toMatchObject({ start: 4, end: 5 });
    expect(slots('nội dung 2.3 của Củ Chi').ordinal).toBeUndefined();
    expect(slots('tiêu chí 2 tháng 12').ordinal).toBeUndefined();
  });

  it('reads a lettered point after an item noun ("ý b", "yêu cầu c"), never "điểm b" (a section) or a polite "ạ"', () => {
    expect(slots('ý b nói gì').ordinal).toBe(2);
    expect(slots('thế yêu cầu c thì sao').ordinal).toBe(3);
    expect(slots('điểm b khoản 1 mục III').ordinal).toBeUndefined();
    expect(slots('điểm b khoản 1 mục III').sections).toEqual(['III.1.b']);
    expect(slots('nói rõ hơn yêu cầu ạ').ordinal).toBeUndefined();
    // "cuối" after an item noun is the last item when only a question word or a particle follows.
    expect(slots('giải pháp cuối là gì').ordinal).toBe(-1);
    expect(slots('tiêu chí cuối năm nộp đâu').ordinal).toBeUndefined();
  });

  it('marks a question that denies what it asks about', () => {
    expect(slots('kế hoạch nào không có Cờ thi đua').negated).toBe(true);
    expect(slots('kế hoạch nào có Cờ thi đua').negated).toBe(false);
    // "thiểu số" folds like "thiếu": a negation must be a phrase that cannot be another word.
    expect(slots('kế hoạch nào hỗ trợ người dân tộc thiểu số').negated).toBe(false);
    // Asked which plans, a "không" before what it denies negates; one that ends a yes/no question, or
    // a contrast ("chứ không phải"), does not.
    expect(slots('tỉnh nào sơ kết không làm vào năm 2025').negated).toBe(true);
    expect(slots('kế hoạch nào có Cờ thi đua không ạ').negated).toBe(false);
    expect(slots('kế hoạch nào ghi năm 2024 chứ không phải năm 2023').negated).toBe(false);
  });
});

describe('places typed with a slip', () => {
  it('finds them by edit distance, with no misspelling listed in the glossary', () => {
    for (const [q, plan] of [
      ['tieu chi thai bihn', 'thai-binh'],
      ['hạn báo cáo tây nin', 'tay-ninh'],
      ['kinh phí khánh hoà tỉnh khanh hao', 'khanh-hoa'],
      ['cu chii han nop', 'cu-chi'],
    ] as const) {
      expect(slots(q).plans, q).toEqual([plan]);
    }
  });

  it('keeps the place as typed: typo repair never turns it into another word', () => {
    const a = analyzer().analyze('tieu chi thai bihn');
    expect(a.repaired.slice(2)).toEqual(['thai', 'bihn']);
  });

  it('does not take another province for one of ours', () => {
    expect(slots('hạn báo cáo tỉnh Thanh Hóa')).toMatchObject({ plans: [], otherLocalities: ['Thanh Hóa'] });
  });
});

describe('across plans or a cited document', () => {
  it('"văn bản nào" after "căn cứ", "theo" asks for the basis, not across plans', () => {
    expect(slots('văn bản nào có Bằng khen của Thủ tướng').crossPlan).toBe(true);
    expect(slots('kế hoạch này căn cứ văn bản nào').crossPlan).toBe(false);
    expect(slots('thực hiện theo công văn nào của LĐLĐ').crossPlan).toBe(false);
    expect(slots('tỉnh nào căn cứ Kết luận 49').crossPlan).toBe(true);
  });

  it('"bản nào" asks which plan unless it was typed "ban nào" (which board), and never inside "văn bản nào"', () => {
    expect(slots('trong các bản đó, bản nào nêu Cờ thi đua').whichPlans).toBe(true);
    expect(slots('Ban nào của Sở Nội vụ thẩm định hồ sơ').whichPlans).toBe(false);
    expect(slots('kế hoạch này thực hiện theo văn bản nào').whichPlans).toBe(false);
    expect(slots('mấy kế hoạch nêu Cờ thi đua').whichPlans).toBe(true);
  });

  it('a count of the documents asks across them; a count of the kế hoạch leaves the công văn out', () => {
    expect(slots('trong 6 văn bản, cái nào nêu Cờ thi đua')).toMatchObject({ crossPlan: true, plansOnly: false });
    expect(slots('cả 5 kế hoạch đều có mục kinh phí chứ')).toMatchObject({ crossPlan: true, plansOnly: true });
    expect(slots('KH 62 có mục kinh phí không')).toMatchObject({ crossPlan: false, plansOnly: false });
  });
});

describe('a body named in the words as typed', () => {
  it('is not read where the diacritics typed make them other words ("giai đoạn thế nào" is not "đoàn thể")', () => {
    expect(slots('Tây Ninh chia giai đoạn thế nào').agencies).toEqual([]);
    expect(slots('MTTQ và các đoàn thể được đề nghị làm gì').agencies).toContain('mat-tran');
    // Typed without diacritics the words may be either: still read.
    expect(slots('cac doan the duoc de nghi lam gi').agencies).toContain('mat-tran');
  });
});
