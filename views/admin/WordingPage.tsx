// Admin → Social posts → a channel's wording: the two templates (a result, a correction),
// what can go in them, and a preview against a real declaration within the channel's limit.
import type { DeclarationChoice } from '../../db/recentDeclarations';
import { placeholders } from '../../src/social/wording/template';
import type { PreviewResult } from '../../src/social/preview';
import { Layout, type SignedIn } from '../Layout';
import { choiceValue } from './wordingChoice';

export interface WordingPageProps {
  channel: string;
  label: string;
  templates: { declaration: string; correction: string };
  builtIn: boolean;
  choices: DeclarationChoice[];
  chosen: string | null;
  previews: { declaration: PreviewResult | null; correction: PreviewResult | null };
  problems: string[];
  saved: boolean;
  signedIn: SignedIn;
}

function PreviewBox({ title, result }: { title: string; result: PreviewResult | null }) {
  if (!result) return null;
  return (
    <div class="preview">
      <h3>{title}</h3>
      {result.ok ? (
        <>
          <p class="post-preview">{result.preview.composed.text}</p>
          <p class="muted">
            {result.preview.composed.length} of {result.preview.composed.limit} {result.preview.unit}
          </p>
        </>
      ) : (
        <ul class="error">
          {result.problems.map((p) => (
            <li>{p}</li>
          ))}
        </ul>
      )}
    </div>
  );
}

export function WordingPage(p: WordingPageProps) {
  const action = `/admin/social/channels/${p.channel}`;
  return (
    <Layout title={`${p.label} wording · Admin · Declare`} signedIn={p.signedIn}>
      <p class="crumbs">
        <a href="/admin/social">Social posts</a>
      </p>
      <h1>{p.label}: wording</h1>
      {p.saved && <p role="status">Saved. New posts use this wording; posts already sent or being retried keep theirs.</p>}
      {p.problems.length > 0 && (
        <div class="error-summary" role="alert">
          <h2>The wording was not saved</h2>
          <ul>
            {p.problems.map((problem) => (
              <li>{problem}</li>
            ))}
          </ul>
        </div>
      )}
      <form method="post" action={action}>
        <input type="hidden" name="_csrf" value={p.signedIn.csrfToken} />
        <div class="field">
          <label for="declaration">A result</label>
          <textarea id="declaration" name="declaration" rows={4} cols={70}>
            {p.templates.declaration}
          </textarea>
        </div>
        <div class="field">
          <label for="correction">A correction (posted as a reply to the result where the platform allows)</label>
          <textarea id="correction" name="correction" rows={4} cols={70}>
            {p.templates.correction}
          </textarea>
        </div>
        <div class="field">
          <label for="declarationRef">Preview with</label>
          <select id="declarationRef" name="preview">
            {p.choices.map((c) => (
              <option value={choiceValue(c)} selected={choiceValue(c) === p.chosen}>
                {c.contestName}
                {c.version > 1 ? ` (version ${c.version})` : ''}, {c.electionName}
              </option>
            ))}
          </select>
          {p.choices.length === 0 && <p class="muted">No result has been declared yet: there is nothing to preview with.</p>}
        </div>
        <p class="actions">
          <button type="submit" name="action" value="preview" class="secondary">
            Preview
          </button>
          <button type="submit" name="action" value="save" class="primary">
            Save
          </button>
          {!p.builtIn && (
            <button type="submit" name="action" value="reset" class="secondary">
              Use the built-in wording
            </button>
          )}
        </p>
      </form>
      <PreviewBox title="A result, as it would be posted" result={p.previews.declaration} />
      <PreviewBox title="A correction, as it would be posted" result={p.previews.correction} />
      <h2>What the wording can say</h2>
      <p>
        Parts in [square brackets] are left out, the last first, when the post would be too long or a figure is unknown; then the
        list of who was elected is shortened. {'{ward}'} and {'{url}'} must be outside the brackets.
      </p>
      <dl>
        {Object.entries(placeholders).map(([name, meaning]) => (
          <>
            <dt>
              <code>{`{${name}}`}</code>
            </dt>
            <dd>{meaning}</dd>
          </>
        ))}
      </dl>
    </Layout>
  );
}
