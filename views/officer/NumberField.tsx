// One number box of the officer's forms: label, hint, the problem with it, and a numeric
// keyboard on the phone. Commas and spaces are allowed, as people write numbers.
import type { FormValues } from '../../src/officer/entryForm';
import { PartySwatch } from '../shared/PartySwatch';

export function NumberField(props: { name: string; label: string; values: FormValues; errors: Map<string, string>; hint?: string; swatch?: string; big?: boolean; id: string }) {
  const error = props.errors.get(props.name);
  const described = [props.hint ? `${props.id}-hint` : '', error ? `${props.id}-error` : ''].filter(Boolean).join(' ');
  return (
    <div class={`field${props.big ? ' big' : ''}${error ? ' has-error' : ''}`}>
      <label for={props.id}>{props.label}</label>
      {props.hint && (
        <span class="hint" id={`${props.id}-hint`}>
          {props.swatch && <PartySwatch colour={props.swatch} />} {props.hint}
        </span>
      )}
      {error && (
        <span class="error" id={`${props.id}-error`}>
          {error}
        </span>
      )}
      <input
        id={props.id}
        name={props.name}
        value={props.values[props.name] ?? ''}
        inputmode="numeric"
        pattern="[0-9][0-9, ]*"
        autocomplete="off"
        enterkeyhint="next"
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={described || undefined}
      />
    </div>
  );
}
