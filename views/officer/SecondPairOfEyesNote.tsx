// Which way this election's results go out, said on the officer's ward list and ward page:
// published when declared, or only once a second officer has entered the same figures.
export function SecondPairOfEyesNote({ on }: { on: boolean }) {
  return (
    <p class={`eyes-mode${on ? ' eyes-on' : ''}`} id="second-pair-of-eyes">
      <strong>Second pair of eyes: {on ? 'on' : 'off'}</strong> — {on ? 'a second officer must confirm each result' : 'each result is published when declared'}
    </p>
  );
}
