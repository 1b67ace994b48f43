// The Log channel: prints what would be posted. The demo's default, and a dry run for a
// council setting up its wording before switching real channels on.
import type { Channel } from '../channel';
import { logLine } from '../../logLine';
import { wordingRules } from '../wording/rules';

export function logChannel(write: (line: string) => void = (line) => console.log(line)): Channel {
  return {
    name: 'log',
    rules: wordingRules.log,
    async send(post) {
      const label = post.kind === 'declaration' ? 'post' : post.kind;
      const about = post.contest ? `${post.contest.name} (version ${post.contest.version})` : `the count (update version ${post.update?.version})`;
      write(logLine`[social] ${label} for ${about}: ${post.text}`);
      return { outcome: 'posted', remote: { id: `log:${post.id}`, url: null } };
    },
  };
}
