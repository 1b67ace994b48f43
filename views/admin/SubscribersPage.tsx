// Admin → Newsroom subscribers: who gets every declaration and correction pushed to them,
// how their deliveries stand, the failed ones with Retry, and the form to add one. A
// secret is shown once, when it is made, and never again.
import type { OutboxEntry } from '../../db/outbox';
import type { DeliveryCounts, SubscriberListing } from '../../db/subscribers';
import { postState } from '../../src/social/status';
import { Layout, type SignedIn } from '../Layout';
import { londonDateTime } from '../shared/londonTime';
import { PostedWard, QueuedAt } from './OutboxTable';
import { PostButton } from './PostButton';
import { ProblemSummary } from '../shared/ProblemSummary';

export interface SubscriberOverview extends SubscriberListing {
  counts: DeliveryCounts;
}

export interface AddForm {
  values: { name: string; url: string };
  problems: string[];
}

export interface SubscribersPageProps {
  subscribers: SubscriberOverview[];
  /** Failed deliveries, each with the name of its subscriber. */
  failed: (OutboxEntry & { subscriberName: string })[];
  notice: string | null;
  /** Just added with a secret we made: the one time it is shown. */
  created?: { name: string; secret: string } | null;
  form?: AddForm | null;
  signedIn: SignedIn;
}

/** "12 sent, 1 queued, 2 failed"; "none yet". */
function countsInWords({ sent, queued, failed }: DeliveryCounts): string {
  const parts = [sent && `${sent} sent`, queued && `${queued} queued`, failed && `${failed} failed`].filter(Boolean);
  return parts.length ? parts.join(', ') : 'none yet';
}

export function SubscribersPage({ subscribers, failed, notice, created, form, signedIn }: SubscribersPageProps) {
  const csrf = signedIn.csrfToken;
  return (
    <Layout title={`${form?.problems.length ? 'Error: ' : ''}Newsroom subscribers · Admin · Declare`} signedIn={signedIn}>
      <p class="crumbs">
        <a href="/admin">Admin</a>
      </p>
      <h1>Newsroom subscribers</h1>
      {notice && <p role="status">{notice}</p>}
      {created && (
        <div class="outcome" role="status">
          <h2>{created.name} added: copy its secret now</h2>
          <p>
            <code id="new-secret">{created.secret}</code>
          </p>
          <p>
            Give it to the newsroom by a safe route (not in the same email as the address). Their receiver checks every
            delivery's signature with it. It is not shown again: if it is lost, remove the subscriber and add it again.
          </p>
        </div>
      )}
      <p>
        Each subscriber gets every declaration and correction from the moment it is added, as signed JSON sent to its
        address, the same as the webhook channel (README "Push to subscribers"). Deliveries to each are retried on their
        own, so one receiver being down holds up nobody else.
      </p>
      {subscribers.length === 0 ? (
        <p class="muted">No subscribers yet.</p>
      ) : (
        <table class="votes subscribers stacks-on-phone">
          <thead>
            <tr>
              <th scope="col">Subscriber</th>
              <th scope="col">Deliveries</th>
              <th scope="col">
                <span class="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {subscribers.map((s) => {
              const path = `/admin/subscribers/${encodeURIComponent(s.id)}`;
              return (
                <tr id={`subscriber-${s.id}`}>
                  <th scope="row">
                    {s.name}
                    {s.paused && <strong> (paused)</strong>}
                    <div class="muted">
                      <code class="breaks-anywhere">{s.url}</code>
                    </div>
                  </th>
                  <td data-label="Deliveries">
                    {countsInWords(s.counts)}
                    {s.counts.lastSentAt && (
                      <div class="muted">
                        last <time datetime={s.counts.lastSentAt}>{londonDateTime(s.counts.lastSentAt)}</time>
                      </div>
                    )}
                  </td>
                  <td>
                    {s.paused ? <PostButton action={`${path}/resume`} label="Resume" csrf={csrf} /> : <PostButton action={`${path}/pause`} label="Pause" csrf={csrf} />}
                    <PostButton action={`${path}/remove`} label="Remove" csrf={csrf} />
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}

      <h2 id="failed">Failed deliveries</h2>
      {failed.length === 0 ? (
        <p class="muted">None.</p>
      ) : (
        <table class="votes outbox stacks-on-phone">
          <thead>
            <tr>
              <th scope="col">Queued</th>
              <th scope="col">Ward</th>
              <th scope="col">Subscriber</th>
              <th scope="col">What happened</th>
              <th scope="col">
                <span class="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {failed.map((row) => (
              <tr id={`delivery-${row.id}`}>
                <QueuedAt row={row} />
                <PostedWard row={row} />
                <td>{row.subscriberName}</td>
                <td>{postState(row).detail}</td>
                <td>
                  <PostButton action={`/admin/subscribers/deliveries/${encodeURIComponent(row.id)}/retry`} label="Retry" csrf={csrf} kind="primary" />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}

      <h2 id="add">Add a subscriber</h2>
      <ProblemSummary title="The subscriber was not added" problems={form?.problems ?? []} />
      <form method="post" action="/admin/subscribers" class="stack" novalidate>
        <input type="hidden" name="_csrf" value={csrf} />
        <label for="name">Name (the newsroom, as you will recognise it)</label>
        <input id="name" name="name" value={form?.values.name ?? ''} required />
        <label for="url">Address deliveries go to (https://)</label>
        <input id="url" name="url" type="url" value={form?.values.url ?? ''} placeholder="https://newsroom.example/declare" required />
        <label for="secret">Secret (leave empty and one is made and shown once)</label>
        <input id="secret" name="secret" type="password" autocomplete="off" />
        <button type="submit" class="primary">
          Add the subscriber
        </button>
      </form>
    </Layout>
  );
}
