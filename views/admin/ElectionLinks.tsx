// One election on the admin page: which one is current (what `/`, the widget's default and the
// JSON's default show), and where each of its settings is changed.
import { PostButton } from './PostButton';

export interface ElectionListing {
  id: string;
  name: string;
  secondPairOfEyes: boolean;
  /** `/` leads to it: marked current, or, with none marked, the latest by date. */
  current: boolean;
}

export function ElectionLinks({ election: e, csrf }: { election: ElectionListing; csrf: string }) {
  const path = `/admin/elections/${encodeURIComponent(e.id)}`;
  return (
    <li>
      {e.name}
      {e.current && <strong> (current: the site's home page leads to it)</strong>}: <a href={`${path}/edit`}>Edit</a> (seats, electorates, candidates,
      previous results, parties) · <a href={`${path}/timetable`}>Timetable</a> (when results start and each ward is expected) ·{' '}
      <a href={`${path}/rehearsal`}>Rehearsal</a> · <a href={`${path}/second-pair-of-eyes`}>Second pair of eyes</a>:{' '}
      <strong>{e.secondPairOfEyes ? 'on' : 'off'}</strong> ({e.secondPairOfEyes ? 'a second officer must confirm each result' : 'each result is published when declared'})
      {!e.current && <PostButton action={`${path}/current`} label={`Make ${e.name} current`} csrf={csrf} />}
    </li>
  );
}

/** What the admin page says after "Make current" (?done=current), of the election now current. */
export const madeCurrentNotice = (name: string) =>
  `${name} is now the current election: the site's home page, the widget's default and the public JSON's default show it. The others stay at their own addresses.`;
