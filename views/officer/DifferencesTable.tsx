// The figures in which two officers' entries of a ward differ: figure (the candidate, or the
// line of the declaration), first entry, second entry. The server renders it on the ward
// page for both officers; the phone script renders the same component (hono/jsx/dom) from
// the API's answer when a confirmation does not match.
import { formatNumber } from '../../src/domain';
import type { EntryDifference } from '../../src/results/publicSchemas';

export interface DifferencesTableProps {
  differences: EntryDifference[];
  /** User names of the officers who made the first and the second entry. */
  first: string;
  second: string;
}

const shown = (value: number | string) => (typeof value === 'number' ? formatNumber(value) : value);

export function DifferencesTable({ differences, first, second }: DifferencesTableProps) {
  return (
    <table class="votes differences">
      <caption>
        {differences.length === 1 ? '1 figure differs' : `${differences.length} figures differ`}
      </caption>
      <thead>
        <tr>
          <th scope="col">Figure</th>
          <th scope="col" class="num">
            First entry ({first})
          </th>
          <th scope="col" class="num">
            Second entry ({second})
          </th>
        </tr>
      </thead>
      <tbody>
        {differences.map((d) => (
          <tr>
            <th scope="row">{d.label}</th>
            <td class="num">{shown(d.first)}</td>
            <td class="num">{shown(d.second)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
