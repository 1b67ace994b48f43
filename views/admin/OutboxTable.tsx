// The outbox for admins: every post, its state, and what can be done about it.
import type { OutboxEntry } from '../../db/outbox';
import { channelLabel } from '../../src/social/channelNames';
import { postLink, postState } from '../../src/social/status';

export interface OutboxTableProps {
  rows: OutboxEntry[];
  csrfToken: string;
}

function ActionButton({ row, action, label, csrfToken }: { row: OutboxEntry; action: 'retry' | 'approve' | 'cancel'; label: string; csrfToken: string }) {
  return (
    <form method="post" action={`/admin/social/outbox/${encodeURIComponent(row.id)}/${action}`}>
      <input type="hidden" name="_csrf" value={csrfToken} />
      <button type="submit" class={action === 'cancel' ? 'secondary' : 'primary'}>
        {label}
      </button>
    </form>
  );
}

/** When a post was queued, as a cell. */
export function QueuedAt({ row }: { row: Pick<OutboxEntry, 'createdAt'> }) {
  return (
    <td>
      <time datetime={row.createdAt}>{row.createdAt.slice(11, 19)}</time>
    </td>
  );
}

/** The ward a post is about, with its version when it is a correction: the row's header. */
export function PostedWard({ row }: { row: Pick<OutboxEntry, 'contestName' | 'version'> }) {
  return (
    <th scope="row">
      {row.contestName}
      {row.version > 1 && <span class="muted"> (version {row.version})</span>}
    </th>
  );
}

export function OutboxTable({ rows, csrfToken }: OutboxTableProps) {
  if (rows.length === 0) return <p class="muted">Nothing here.</p>;
  return (
    <table class="votes outbox stacks-on-phone">
      <thead>
        <tr>
          <th scope="col">Queued</th>
          <th scope="col">Ward</th>
          <th scope="col">Channel</th>
          <th scope="col">State</th>
          <th scope="col">Post</th>
          <th scope="col">
            <span class="visually-hidden">Actions</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => {
          const state = postState(row);
          return (
            <tr id={`post-${row.id}`}>
              <QueuedAt row={row} />
              <PostedWard row={row} />
              <td>{channelLabel(row.channel)}</td>
              <td>
                <strong class={`post-${state.tone}`}>{state.label}</strong>
                {row.attempts > 0 && <span class="muted"> after {row.attempts} {row.attempts === 1 ? 'attempt' : 'attempts'}</span>}
                {state.detail && <div class="muted">{state.detail}</div>}
              </td>
              <td>
                {postLink(row.remoteUrl) && (
                  <a href={postLink(row.remoteUrl)!} rel="noopener">
                    view post
                  </a>
                )}
                {row.body && <div class="muted post-body">{row.body}</div>}
              </td>
              <td>
                {row.status === 'failed' && <ActionButton row={row} action="retry" label="Retry" csrfToken={csrfToken} />}
                {row.status === 'held' && <ActionButton row={row} action="approve" label="Post it" csrfToken={csrfToken} />}
                {(row.status === 'held' || row.status === 'pending' || row.status === 'failed') && <ActionButton row={row} action="cancel" label="Don't post" csrfToken={csrfToken} />}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
