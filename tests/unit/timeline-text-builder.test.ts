import { describe, expect, it } from 'vitest';
import { NotesTextBuilder, toPlainText } from '../../lib/timeline/normalize';

const long = (ch: string) => ch.repeat(50);

// A text's surrogates read the same however the text was split (by tags, character references or a DOM walk's text
// nodes), as a browser's textContent joins them: a pair cut by a tag is a pair, a lone half is U+FFFD, one code unit
// for one so that offsets stay.
describe('HTML reader: surrogates across the pieces of a text', () => {
  it('pairs surrogates cut by a tag, whatever the length of the pieces', () => {
    expect(toPlainText('\ud83d<b>\ude00</b>', true).text).toBe('\ud83d\ude00');
    expect(toPlainText(`\ud83d<b>\ude00${long('x')}</b>`, true).text).toBe(`\ud83d\ude00${long('x')}`);
    expect(toPlainText(`${long('x')}\ud83d<b>\ude00</b>`, true).text).toBe(`${long('x')}\ud83d\ude00`);
  });

  it('pairs a surrogate with a character reference’s text as with any other', () => {
    expect(toPlainText(`\ud83d<b>\ude00&#128512;${'y'.repeat(45)}</b>`, true).text).toBe(`\ud83d\ude00\ud83d\ude00${'y'.repeat(45)}`);
    expect(toPlainText(`a&amp;\ud83d<i>\ude00</i>`, true).text).toBe('a&\ud83d\ude00');
  });

  it('reads a lone half as U+FFFD, one code unit for one', () => {
    const text = toPlainText(`<p>${long('a')}\ud83d\ude00 \ude00${long('b')}\ud83d</p>`, true).text;
    expect(text).toBe(`${long('a')}\ud83d\ude00 \ufffd${long('b')}\ufffd\n`);
  });

  it('reads text written by a DOM walk the same way', () => {
    const b = new NotesTextBuilder();
    b.text('\ud83d');
    b.text(`\ude00${long('z')}`);
    b.text('\ude00');
    expect(b.done().text).toBe(`\ud83d\ude00${long('z')}\ufffd`);
  });
});
