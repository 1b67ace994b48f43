// Where the phone script lists results saved on this phone and not yet sent. Empty (and
// hidden) until the script fills it; announced politely to screen readers.
export function PendingBanner() {
  return <section id="pending" class="pending" aria-live="polite" hidden></section>;
}
