// A ward's status in words (the colour of the label only repeats what the words say).
import type { ContestStatus } from '../../src/domain';

const words: Record<ContestStatus, string> = {
  awaiting: 'Awaiting result',
  counting: 'Counting',
  recount: 'Recount',
  declared: 'Declared',
  uncontested: 'Elected unopposed',
  postponed: 'Postponed',
};

export function StatusLabel({ status }: { status: ContestStatus }) {
  return <span class={`status status-${status}`}>{words[status]}</span>;
}
