/**
 * Copying a moment's link or text from a click in Earmark's own UI (the panel's shadow root, the library, the
 * popup): no permission is needed for a write made during the listener's click. `navigator.clipboard` first; where
 * the page's permissions policy or an unfocused document refuses it, a selected text area and the copy command,
 * inside `root` (our shadow root or page), which works from a click too. False when both fail: the caller shows
 * the text to copy by hand.
 */
export async function copyText(text: string, root: ParentNode & Node): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    // Fall through: the older path.
  }
  const doc = root.ownerDocument ?? (root as Document);
  const area = doc.createElement('textarea');
  area.value = text;
  area.setAttribute('readonly', '');
  area.setAttribute('aria-hidden', 'true');
  area.style.cssText = 'position:fixed;top:0;left:0;width:1px;height:1px;opacity:0;';
  root.appendChild(area);
  try {
    area.select();
    return doc.execCommand('copy');
  } catch {
    return false;
  } finally {
    area.remove();
  }
}
