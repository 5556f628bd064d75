// Copying an export: the Clipboard API first; where the web view refuses it, the old way
// through a selected text area and the copy command.

export interface ClipboardLike {
  writeText(text: string): Promise<void>;
}

/** True once the text is on the clipboard by either way. */
export async function copyText(
  text: string,
  clipboard: ClipboardLike | undefined,
  fallback: (text: string) => boolean,
): Promise<boolean> {
  if (clipboard) {
    try {
      await clipboard.writeText(text);
      return true;
    } catch {
      // Refused (no permission, no focus): fall through to the copy command.
    }
  }
  try {
    return fallback(text);
  } catch {
    return false;
  }
}

/** The fallback: put the text in an off-screen text area, select it, run the copy command. */
export function copyThroughTextArea(area: HTMLTextAreaElement, text: string): boolean {
  const previous = document.activeElement instanceof HTMLElement ? document.activeElement : null;
  area.value = text;
  area.select();
  const copied = document.execCommand('copy');
  area.value = '';
  previous?.focus();
  return copied;
}
