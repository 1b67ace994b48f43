// The table of differing figures on the phone, rendered by the same component as the ward
// page (views/officer/DifferencesTable.tsx), from the API's answer to a confirmation.
import { render } from 'hono/jsx/dom';
import type { EntriesDiffer } from '../../src/results/publicSchemas';
import { DifferencesTable } from '../officer/DifferencesTable';

export function differencesTable(answer: EntriesDiffer): HTMLElement {
  const mount = document.createElement('div');
  render(<DifferencesTable differences={answer.differences} first={answer.enteredBy} second={answer.secondBy} />, mount);
  return mount;
}
