import { describe, expect, it } from 'vitest';
import { CALLBACK_DATA_MAX_BYTES, choiceKeyboard } from '../../../src/channels/telegram/keyboard.js';
import { renderOutbound } from '../../../src/channels/telegram/render.js';

describe('renderOutbound', () => {
  it('escapes every HTML-special character of the text', () => {
    const { messages } = renderOutbound({ text: 'Tên: <b>Lan</b> & "Cộng sự" < 5 > 3' });
    expect(messages).toEqual([{ kind: 'text', html: 'Tên: &lt;b&gt;Lan&lt;/b&gt; &amp; &quot;Cộng sự&quot; &lt; 5 &gt; 3' }]);
  });

  it('splits before escaping, so no part cuts an entity and each part stays within 4096 visible characters', () => {
    const text = `${'&'.repeat(4000)}\n${'<'.repeat(200)}`;
    const { messages } = renderOutbound({ text });
    expect(messages.map((m) => (m.kind === 'text' ? m.html : ''))).toEqual(['&amp;'.repeat(4000), '&lt;'.repeat(200)]);
  });

  it('puts short choices on one row, with the choice id as callback data', () => {
    const { messages } = renderOutbound({
      text: 'Chọn “Xác nhận” nếu thông tin đã đúng.',
      choices: [
        { id: 'form:ok', label: 'Xác nhận' },
        { id: 'form:edit', label: 'Sửa' },
        { id: 'form:cancel', label: 'Hủy' },
      ],
    });
    expect(messages).toHaveLength(1);
    expect(messages[0]!.replyMarkup).toEqual({
      inline_keyboard: [
        [
          { text: 'Xác nhận', callback_data: 'form:ok' },
          { text: 'Sửa', callback_data: 'form:edit' },
          { text: 'Hủy', callback_data: 'form:cancel' },
        ],
      ],
    });
  });

  it('lists long labels in the text, numbered, and numbers their buttons one per row', () => {
    const { messages } = renderOutbound({
      text: 'Đơn vị của bạn thực hiện theo kế hoạch nào?',
      choices: [
        { id: 'plan:cu-chi', label: 'Kế hoạch số 1792/KH-UBND ngày 6/3/2024 của UBND huyện Củ Chi' },
        { id: 'plan:khanh-hoa', label: 'Kế hoạch của UBND tỉnh Khánh Hòa (giai đoạn 2023–2030)' },
      ],
    });
    const m = messages[0]!;
    expect(m.kind === 'text' && m.html).toBe(
      'Đơn vị của bạn thực hiện theo kế hoạch nào?\n\n1. Kế hoạch số 1792/KH-UBND ngày 6/3/2024 của UBND huyện Củ Chi\n2. Kế hoạch của UBND tỉnh Khánh Hòa (giai đoạn 2023–2030)',
    );
    expect(m.replyMarkup?.inline_keyboard.map((row) => row.map((b) => b.text))).toEqual([
      ['1. Kế hoạch số 1792/KH-UBND ngày 6/3/2024 của UBND huyện Củ Chi'],
      ['2. Kế hoạch của UBND tỉnh Khánh Hòa (giai đoạn 2023–2030)'],
    ]);
  });

  it('puts the keyboard on the last part of a long message', () => {
    const { messages } = renderOutbound({ text: `${'a'.repeat(4000)}\n${'b'.repeat(500)}`, choices: [{ id: 'x', label: 'Có' }] });
    expect(messages).toHaveLength(2);
    expect(messages[0]!.replyMarkup).toBeUndefined();
    expect(messages[1]!.replyMarkup?.inline_keyboard).toEqual([[{ text: 'Có', callback_data: 'x' }]]);
  });

  it('sends a document after its text, with the caption escaped', () => {
    const content = Buffer.from('a,b\n1,2\n');
    const { messages } = renderOutbound({ text: 'Tệp xuất của bạn:', document: { filename: 'bao-cao.csv', mimeType: 'text/csv', content, caption: 'Báo cáo <2025>' } });
    expect(messages).toEqual([
      { kind: 'text', html: 'Tệp xuất của bạn:' },
      { kind: 'document', filename: 'bao-cao.csv', content, captionHtml: 'Báo cáo &lt;2025&gt;' },
    ]);
  });

  it('sends a caption over 1024 characters as a text message before the file', () => {
    const caption = 'c'.repeat(1500);
    const { messages } = renderOutbound({ text: '', document: { filename: 'x.xlsx', mimeType: 'application/octet-stream', content: Buffer.alloc(1), caption } });
    expect(messages.map((m) => m.kind)).toEqual(['text', 'document']);
    expect(messages[1]).not.toHaveProperty('captionHtml');
  });
});

describe('renderOutbound: photos', () => {
  const content = Buffer.from([1, 2, 3]);

  it('sends a photo before its text, the caption escaped, the keyboard on the text', () => {
    const { messages } = renderOutbound({
      text: 'Số liệu <chi tiết>',
      choices: [{ id: 'a', label: 'Xem' }],
      photo: { filename: 'c.png', mimeType: 'image/png', content, caption: 'Biểu đồ & số liệu' },
    });
    expect(messages.map((m) => m.kind)).toEqual(['photo', 'text']);
    expect(messages[0]).toEqual({ kind: 'photo', filename: 'c.png', content, captionHtml: 'Biểu đồ &amp; số liệu' });
    expect(messages[1]).toMatchObject({ kind: 'text', html: 'Số liệu &lt;chi tiết&gt;' });
    expect(messages[1]!.replyMarkup).toBeDefined();
  });

  it('cuts a caption over 1024 characters (the text after the photo says it all)', () => {
    const { messages } = renderOutbound({ text: 'x', photo: { filename: 'c.png', mimeType: 'image/png', content, caption: 'ả'.repeat(1500) } });
    const photo = messages[0]!;
    expect(photo.kind === 'photo' && photo.captionHtml).toBe(`${'ả'.repeat(1023)}…`);
  });
});

describe('choiceKeyboard', () => {
  it('refuses callback data over 64 bytes and keeps that choice selectable by number', () => {
    const longId = `plan:${'đ'.repeat(30)}`; // 5 + 60 bytes
    expect(Buffer.byteLength(longId)).toBeGreaterThan(CALLBACK_DATA_MAX_BYTES);
    const k = choiceKeyboard([
      { id: 'ok', label: 'Đồng ý' },
      { id: longId, label: 'Khác' },
    ]);
    expect(k.rejected).toEqual([longId]);
    expect(k.markup?.inline_keyboard.flat().map((b) => ('callback_data' in b ? b.callback_data : ''))).toEqual(['ok']);
    expect(k.listing).toBe('1. Đồng ý\n2. Khác');
  });
});
