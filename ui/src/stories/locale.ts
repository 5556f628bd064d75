// WebKitGTK reports a bare POSIX locale (LANG=C) as the language tag "C", which Intl
// refuses with a RangeError; uPlot builds a number format from that tag as it loads.

/** Makes `nav.language` a tag Intl accepts, falling back to "en-US"; true when it had to. */
export function ensureUsableLanguage(nav: { language: string } = navigator): boolean {
  try {
    new Intl.NumberFormat(nav.language);
    return false;
  } catch {
    Object.defineProperty(nav, 'language', { value: 'en-US', configurable: true });
    return true;
  }
}
