// A party's colour as a small square. Drawn in SVG (a presentation attribute, not a style),
// so the strict Content Security Policy needs no inline styles; the party's name is always
// written beside it, since colour is never the only signal.
export function PartySwatch({ colour, size = 14 }: { colour: string; size?: number }) {
  return (
    <svg class="swatch" width={size} height={size} viewBox="0 0 10 10" aria-hidden="true" focusable="false">
      <rect width="10" height="10" rx="2" fill={colour} />
    </svg>
  );
}
