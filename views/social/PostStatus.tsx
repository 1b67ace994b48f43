// Which social channels have posted a ward's result: shown to the officer after declaring.
// While anything is queued or sending, htmx refreshes it every few seconds; without
// JavaScript, a link reloads it.
import type { OutboxEntry } from '../../db/outbox';
import { channelLabel } from '../../src/social/channelNames';
import { postLink, postState, stillMoving } from '../../src/social/status';
import { officerPostsPath } from '../../src/http/paths';

export interface PostStatusProps {
  contestId: string;
  rows: OutboxEntry[];
}

/** The empty box the published page carries; it fills itself on load. */
export function PostStatusSlot({ contestId }: { contestId: string }) {
  return (
    <section id="social-posts" class="social-posts" hx-get={officerPostsPath(contestId)} hx-trigger="load" hx-swap="outerHTML">
      <h2>Social posts</h2>
      <p>
        <a href={officerPostsPath(contestId)}>See which channels have posted it</a>
      </p>
    </section>
  );
}

export function PostStatus({ contestId, rows }: PostStatusProps) {
  const moving = stillMoving(rows);
  const versions = [...new Set(rows.map((r) => r.version))].sort((a, b) => b - a);
  return (
    <section
      id="social-posts"
      class="social-posts"
      aria-live="polite"
      {...(moving ? { 'hx-get': officerPostsPath(contestId), 'hx-trigger': 'every 3s', 'hx-swap': 'outerHTML' } : {})}
    >
      <h2>Social posts</h2>
      {rows.length === 0 && <p class="muted">No social channel is set up, so nothing is posted.</p>}
      {versions.map((version) => (
        <div>
          {versions.length > 1 && <h3>{version === 1 ? 'The result' : `Correction (version ${version})`}</h3>}
          <ul class="plain">
            {rows
              .filter((r) => r.version === version)
              .map((r) => {
                const state = postState(r);
                const link = postLink(r.remoteUrl);
                return (
                  <li class={`post post-${state.tone}`}>
                    <strong>{channelLabel(r.channel)}</strong>: {state.label}
                    {link && (
                      <>
                        {' '}
                        <a href={link} rel="noopener">
                          view post
                        </a>
                      </>
                    )}
                    {state.detail && <span class="muted"> ({state.detail})</span>}
                  </li>
                );
              })}
          </ul>
        </div>
      ))}
      {moving && (
        <p>
          <a href={officerPostsPath(contestId)}>Refresh</a>
        </p>
      )}
    </section>
  );
}
