/**
 * The page a flag, a check or a navigation belongs to: the URL without its fragment,
 * since a #section jump does not change the page. One definition for the background,
 * the content script, the popup and flag import, so they all agree.
 */
export function pageKey(url: string): string {
  try {
    const u = new URL(url);
    u.hash = '';
    return u.href;
  } catch {
    return url;
  }
}
