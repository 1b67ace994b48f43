// The public pages and JSON, rendered once per change. Each request costs one indexed read
// (the election's updatedAt); while that is unchanged, every page, fragment and JSON document
// comes ready-made from memory, already gzipped, with its ETag. The first request after a change loads the
// election once and renders what is asked for; requests racing it share that work.
import type { Child } from 'hono/jsx';
import type { Db } from '../../db/client';
import { electionUpdatedAt, loadElection, type ContestSnapshot } from '../../db/results';
import { ContestLive } from '../../views/public/ContestLive';
import { ContestPage } from '../../views/public/ContestPage';
import { ElectionLive } from '../../views/public/ElectionLive';
import { ElectionPage } from '../../views/public/ElectionPage';
import { EmbedLive } from '../../views/public/EmbedLive';
import { EmbedPage } from '../../views/public/EmbedPage';
import { EmbedContestLive } from '../../views/public/EmbedContestLive';
import { EmbedCode, embedDefaultHeight } from '../../views/public/EmbedSnippet';
import {
  contestEmbedLivePath,
  contestJsonPath,
  contestLivePath,
  contestPath,
  electionJsonPath,
  electionLivePath,
  electionPath,
  embedLivePath,
  embedPath,
} from '../http/paths';
import type { Context } from 'hono';
import { embedHostScript } from '../assets/asset';
import type { Caching } from '../http/caching';
import { sendRendered, type Answer } from '../http/sendRendered';
import { ReadyAnswers } from './readyAnswers';
import { embedScriptIntegrity } from '../assets/embedScriptIntegrity';
import { prepare, type Rendered } from '../http/rendered';
import { changesSince } from '../results/changesSince';
import { contestView, electionView, findContest, type ContestView, type ElectionView } from '../results/electionView';
import { htmlOf, renderLive, type LiveRender } from './liveRender';
import { publishableSnapshot } from '../results/publishableSnapshot';
import { VersionedCache } from './pageCache';

interface Current {
  version: string;
  view: ElectionView;
}

/** An election-wide page: its live section, where htmx polls it, and the page around it. */
interface ElectionPageOf {
  livePath: (electionId: string) => string;
  live: (view: ElectionView) => Child;
  page: (view: ElectionView, section: Child, origin: string) => Child | Promise<Child>;
  /** Whether the page shows our absolute address (the embed snippet): then it is kept per address. */
  perOrigin: boolean;
}

const electionPages = {
  /** The results page residents keep open. */
  results: {
    livePath: electionLivePath,
    live: (view) => <ElectionLive view={view} />,
    page: async (view, section, origin) => (
      <ElectionPage results={view.results} news={view.news} embedCode={await htmlOf(electionEmbedCode(view.results, origin))}>
        {section}
      </ElectionPage>
    ),
    perOrigin: true,
  },
  /** The widget newsrooms frame in their live blogs. */
  embed: {
    livePath: embedLivePath,
    live: (view) => <EmbedLive view={view} />,
    page: ({ results, news }, section) => (
      <EmbedPage
        title={`${results.name}: live results`}
        heading={results.name}
        href={electionPath(results.id)}
        jsonHref={electionJsonPath(results.id)}
        news={news}
      >
        {section}
      </EmbedPage>
    ),
    perOrigin: false,
  },
} satisfies Record<string, ElectionPageOf>;

export type ElectionPageKind = keyof typeof electionPages;

/** A ward's page: its live section, where htmx polls it, and the page around it. */
interface ContestPageOf {
  livePath: (electionId: string, contestId: string) => string;
  live: (ward: ContestView) => Child;
  page: (ward: ContestView, section: Child) => Child;
}

const contestPages = {
  ward: {
    livePath: contestLivePath,
    live: (ward) => <ContestLive result={ward.result} updatedAt={ward.election.updatedAt} rehearsal={ward.election.rehearsal} updates={ward.updates} />,
    page: (ward, section) => <ContestPage view={ward}>{section}</ContestPage>,
  },
  /** One ward's widget, for a local paper's page about that ward. */
  'embed-ward': {
    livePath: contestEmbedLivePath,
    live: (ward) => <EmbedContestLive result={ward.result} updatedAt={ward.election.updatedAt} rehearsal={ward.election.rehearsal} />,
    page: ({ election, result, news }, section) => (
      <EmbedPage
        title={`${result.name}: ${election.name}, live result`}
        heading={`${result.name}: ${election.name}`}
        href={contestPath(election.id, result.id)}
        jsonHref={contestJsonPath(election.id, result.id)}
        news={news}
      >
        {section}
      </EmbedPage>
    ),
  },
} satisfies Record<string, ContestPageOf>;

export type ContestPageKind = keyof typeof contestPages;

/** The results page's embed snippet: the widget at our public address, and the sizing script. */
function electionEmbedCode(results: ElectionView['results'], origin: string) {
  return (
    <EmbedCode
      src={`${origin}${embedPath(results.id)}`}
      script={`${origin}${embedHostScript}`}
      integrity={embedScriptIntegrity}
      title={`${results.name}: live results`}
      height={embedDefaultHeight.election}
    />
  );
}

/** A cache key that no two different lists of ids can share, whatever the ids contain. */
const keyOf = (...parts: string[]) => JSON.stringify(parts);

export interface PublishedPagesOptions {
  /**
   * How long an election's version, once read, is trusted without reading it again (ms). 0,
   * the default, reads it on every request. Node sets a few hundred: our own writes call
   * `forgetVersions()` so they show at once, and writes by another process (the CLI, a second
   * server process) show within this time. A busy page then costs no database read at all.
   */
  versionRecheckMs?: number;
  /**
   * Keeps each answer sent ready for the next identical GET, answered by `readyAnswer()`
   * before the app (src/published/readyAnswers.ts). Needs `versionRecheckMs`.
   */
  keepAnswersReady?: boolean;
  now?: () => number;
}

/** Distinct elections whose version is remembered: ids nobody asks for again are not kept for ever. */
const maxRememberedVersions = 100;

export class PublishedPages {
  private readonly versionRecheckMs: number;
  private readonly now: () => number;
  private readonly versions = new Map<string, { version: string; readAt: number }>();
  /** Bumped by forgetVersions(): a read that began before a write must not remember what it read. */
  private generation = 0;

  /** Which election and version each kept render was built for. */
  private readonly builtFor = new WeakMap<Rendered, { electionId: string; version: string }>();
  private readonly ready: ReadyAnswers | null;

  constructor(options: PublishedPagesOptions = {}) {
    this.versionRecheckMs = options.versionRecheckMs ?? 0;
    this.now = options.now ?? Date.now;
    this.ready =
      options.keepAnswersReady && this.versionRecheckMs > 0
        ? new ReadyAnswers({ versionNow: (electionId) => this.knownVersion(electionId), now: this.now })
        : null;
  }

  /**
   * Sends a render from this cache, and keeps it ready for the next identical GET: only under
   * an address that names the election it was built for, so that the address always means that
   * election (`/elections/current` does not: which election is current changes without any
   * election's version changing).
   */
  send(c: Context, rendered: Rendered, caching: Caching, contentType = 'text/html; charset=utf-8'): Response {
    const built = this.ready && c.req.method === 'GET' && !c.req.url.includes('?') ? this.builtFor.get(rendered) : undefined;
    if (built && c.req.param('electionId') === built.electionId) this.ready!.keep(c.req.path, { ...built, rendered, caching, contentType });
    return sendRendered(c, rendered, caching, contentType);
  }

  /**
   * The answer to a GET that is ready without the app, if any (see keepAnswersReady): `target`
   * and `headers` as Node gives them (`req.url`, `req.headers`).
   */
  readyAnswer(method: string | undefined, target: string | undefined, headers: Readonly<Record<string, string | string[] | undefined>>): Answer | undefined {
    return this.ready?.answer(method, target, headers);
  }

  /** The election's version if it is known without a read; undefined when it must be read. */
  private knownVersion(electionId: string): string | undefined {
    const known = this.versions.get(electionId);
    return known && this.now() - known.readAt < this.versionRecheckMs ? known.version : undefined;
  }

  /**
   * Notes which election and version a render (or a live section's fragment) was built for, so
   * that an answer kept from it knows when it is out of date.
   */
  private async stamped<T extends Rendered | LiveRender>(electionId: string, version: string, building: Promise<T>): Promise<T> {
    const built = await building;
    this.builtFor.set('fragment' in built ? built.fragment : built, { electionId, version });
    return built;
  }

  /** Our own process changed the database: read every election's version again on its next request. */
  forgetVersions(): void {
    this.versions.clear();
    this.generation++;
  }

  private readonly views = new VersionedCache<ElectionView | null>({ maxEntries: 50 });
  private readonly sections = new VersionedCache<LiveRender>({ maxEntries: 1000 });
  private readonly pages = new VersionedCache<Rendered>({ maxEntries: 1000 });
  // Apart from the pages, so that many documents (the JSON, each feed) never push them out.
  private readonly documents = new VersionedCache<Rendered>({ maxEntries: 100 });
  // `?since=` answers, one per time asked about: apart again, and few, since any client may
  // ask about any time. Pollers passing the last updatedAt all ask about the same few.
  private readonly changes = new VersionedCache<Rendered>({ maxEntries: 20 });

  /**
   * The results page, or the widget, of an election; null for an unknown election. `origin`
   * is the site's public address, which the results page's embed snippet shows.
   */
  async electionPage(db: Db, electionId: string, kind: ElectionPageKind = 'results', origin = ''): Promise<Rendered | null> {
    const current = await this.current(db, electionId);
    if (!current) return null;
    const live = await this.electionSection(current, kind);
    const { page, perOrigin } = electionPages[kind];
    // Apart from the other pages when kept per address, for the reason the feeds are.
    const cache = perOrigin ? this.documents : this.pages;
    return cache.get(keyOf(kind, electionId, perOrigin ? origin : ''), current.version, async () =>
      this.stamped(electionId, current.version, prepare(await htmlOf(await page(current.view, live.section, origin)))),
    );
  }

  /** That page's live section, as htmx polls it. */
  async electionLive(db: Db, electionId: string, kind: ElectionPageKind = 'results'): Promise<Rendered | null> {
    const current = await this.current(db, electionId);
    return current && (await this.electionSection(current, kind)).fragment;
  }

  /**
   * Any other document made from the election as it stands (its public JSON, the feeds),
   * built once per change for each `key`; null for an unknown election.
   */
  async electionDocument(db: Db, electionId: string, key: string, build: (view: ElectionView) => string | Promise<string>): Promise<Rendered | null> {
    const current = await this.current(db, electionId);
    return current && this.documents.get(keyOf(key, electionId), current.version, async () => this.stamped(electionId, current.version, prepare(await build(current.view))));
  }

  /** The election JSON with only the contests changed after `since` (canonical UTC, see changesSince.ts). */
  async electionChanges(db: Db, electionId: string, since: string): Promise<Rendered | null> {
    const current = await this.current(db, electionId);
    return current && this.changes.get(keyOf(since, electionId), current.version, () => prepare(JSON.stringify(changesSince(current.view, since))));
  }

  /**
   * The same, built for one request and kept nowhere: for a document that depends on the
   * request itself (a feed's links to the address asked), where keeping one per address
   * would let anyone grow our memory by asking at made-up addresses.
   */
  async electionDocumentOnce(db: Db, electionId: string, build: (view: ElectionView) => string | Promise<string>): Promise<Rendered | null> {
    const current = await this.current(db, electionId);
    return current && prepare(await build(current.view));
  }

  /** The public JSON of a ward's result; null for an unknown election or ward. */
  async contestJson(db: Db, electionId: string, contestId: string): Promise<Rendered | null> {
    const current = await this.current(db, electionId);
    const contest = current && findContest(current.view, contestId);
    if (!current || !contest) return null;
    return this.pages.get(keyOf('json', electionId, contestId), current.version, () =>
      this.stamped(electionId, current.version, prepare(JSON.stringify(contestView(current.view, contest).result))),
    );
  }

  /** A ward's page, or its widget; null for an unknown election or ward. */
  async contestPage(db: Db, electionId: string, contestId: string, kind: ContestPageKind = 'ward'): Promise<Rendered | null> {
    const current = await this.current(db, electionId);
    const contest = current && findContest(current.view, contestId);
    if (!current || !contest) return null;
    const live = await this.contestSection(current, contest, kind);
    return this.pages.get(keyOf(kind, electionId, contestId), current.version, async () =>
      this.stamped(electionId, current.version, prepare(await htmlOf(contestPages[kind].page(contestView(current.view, contest), live.section)))),
    );
  }

  /** That page's live section, as htmx polls it. */
  async contestLive(db: Db, electionId: string, contestId: string, kind: ContestPageKind = 'ward'): Promise<Rendered | null> {
    const current = await this.current(db, electionId);
    const contest = current && findContest(current.view, contestId);
    return current && contest && (await this.contestSection(current, contest, kind)).fragment;
  }

  /** The election as it stands: one indexed read, and a load only when it has changed. */
  private async current(db: Db, electionId: string): Promise<Current | null> {
    const version = await this.versionOf(db, electionId);
    if (version === null) return null;
    const view = await this.views.get(electionId, version, async () => {
      const snapshot = await loadElection(db, electionId);
      return snapshot && electionView(publishableSnapshot(snapshot));
    });
    return view && { version, view };
  }

  /** The election's version (its updatedAt): remembered for `versionRecheckMs`, else read. */
  private async versionOf(db: Db, electionId: string): Promise<string | null> {
    if (this.versionRecheckMs <= 0) return electionUpdatedAt(db, electionId);
    const known = this.knownVersion(electionId);
    if (known !== undefined) return known;
    const now = this.now();
    const generation = this.generation;
    const version = await electionUpdatedAt(db, electionId);
    // An unknown id is not remembered: asking for made-up ids must not grow our memory.
    if (version !== null && generation === this.generation) {
      if (this.versions.size >= maxRememberedVersions) this.versions.clear();
      this.versions.set(electionId, { version, readAt: now });
    }
    return version;
  }

  private electionSection({ version, view }: Current, kind: ElectionPageKind): Promise<LiveRender> {
    const electionId = view.results.id;
    const { livePath, live } = electionPages[kind];
    return this.sections.get(keyOf(kind, electionId), version, async () =>
      this.stamped(electionId, version, renderLive(livePath(electionId), live(view), view.news)),
    );
  }

  private contestSection({ version, view }: Current, contest: ContestSnapshot, kind: ContestPageKind): Promise<LiveRender> {
    const electionId = view.results.id;
    const { livePath, live } = contestPages[kind];
    return this.sections.get(keyOf(kind, electionId, contest.id), version, () => {
      const ward = contestView(view, contest);
      return this.stamped(electionId, version, renderLive(livePath(electionId, contest.id), live(ward), ward.news));
    });
  }
}
