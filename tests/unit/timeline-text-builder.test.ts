import { describe, expect, it } from 'vitest';
import { NotesTextBuilder, toPlainText } from '../../lib/timeline/normalize';

const long = (ch: string) => ch.repeat(50);

describe('HTML reader: surrogates at the edges of long pieces of text', () => {
  it('pairs surrogates across a tag between short pieces', () => {
    expect(toPlainText('\ud83d<b>\ude00</b>', true).text).toBe('\ud83d\ude00');
  });

  it('reads a surrogate cut by the edge of a long piece as U+FFFD, on both sides', () => {
    expect(toPlainText(`\ud83d<b>\ude00${long('x')}</b>`, true).text).toBe(`\ufffd\ufffd${long('x')}`);
    expect(toPlainText(`${long('x')}\ud83d<b>\ude00</b>`, true).text).toBe(`${long('x')}\ufffd\ufffd`);
  });

  it('tells a long piece with character references by its decoded length', () => {
    // 9 + 40 characters as written, 2 + 40 decoded: short, so the pair across the tag holds.
    expect(toPlainText(`\ud83d<b>\ude00&#128512;${'y'.repeat(40)}</b>`, true).text).toBe(`\ud83d\ude00\ud83d\ude00${'y'.repeat(40)}`);
    // 48 decoded characters: long.
    expect(toPlainText(`\ud83d<b>\ude00&#128512;${'y'.repeat(45)}</b>`, true).text).toBe(`\ufffd\ufffd\ud83d\ude00${'y'.repeat(45)}`);
  });

  it('keeps pairs inside a long piece and offsets one code unit for one', () => {
    const text = toPlainText(`<p>${long('a')}\ud83d\ude00 \ude00${long('b')}</p>`, true).text;
    expect(text).toBe(`${long('a')}\ud83d\ude00 \ufffd${long('b')}\n`);
  });

  it('follows the same rule for text written by a DOM walk', () => {
    const b = new NotesTextBuilder();
    b.text('\ud83d');
    b.text(`\ude00${long('z')}`);
    expect(b.done().text).toBe(`\ufffd\ufffd${long('z')}`);
  });
});
