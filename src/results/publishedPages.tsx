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
import { contestLivePath, electionLivePath, embedLivePath } from '../../views/public/paths';
import { prepare, type Rendered } from '../http/rendered';
import { contestView, electionView, findContest, type ElectionView } from './electionView';
import { htmlOf, renderLive, type LiveRender } from './liveRender';
import { publishableSnapshot } from './publishableSnapshot';
import { VersionedCache } from './pageCache';

interface Current {
  version: string;
  view: ElectionView;
}

/** An election-wide page: its live section, where htmx polls it, and the page around it. */
interface ElectionPageOf {
  livePath: (electionId: string) => string;
  live: (view: ElectionView) => Child;
  page: (view: ElectionView, section: Child) => Child;
}

const electionPages = {
  /** The results page residents keep open. */
  results: {
    livePath: electionLivePath,
    live: (view) => <ElectionLive view={view} />,
    page: (view, section) => <ElectionPage results={view.results} news={view.news}>{section}</ElectionPage>,
  },
  /** The widget newsrooms frame in their live blogs. */
  embed: {
    livePath: embedLivePath,
    live: (view) => <EmbedLive view={view} />,
    page: (view, section) => <EmbedPage results={view.results} news={view.news}>{section}</EmbedPage>,
  },
} satisfies Record<string, ElectionPageOf>;

export type ElectionPageKind = keyof typeof electionPages;

/** A cache key that no two different lists of ids can share, whatever the ids contain. */
const keyOf = (...parts: string[]) => JSON.stringify(parts);

export class PublishedPages {
  private readonly views = new VersionedCache<ElectionView | null>({ maxEntries: 50 });
  private readonly sections = new VersionedCache<LiveRender>({ maxEntries: 1000 });
  private readonly pages = new VersionedCache<Rendered>({ maxEntries: 1000 });
  // Apart from the pages, so that many documents (the JSON, each feed) never push them out.
  private readonly documents = new VersionedCache<Rendered>({ maxEntries: 100 });

  /** The results page, or the widget, of an election; null for an unknown election. */
  async electionPage(db: Db, electionId: string, kind: ElectionPageKind = 'results'): Promise<Rendered | null> {
    const current = await this.current(db, electionId);
    if (!current) return null;
    const live = await this.electionSection(current, kind);
    return this.pages.get(keyOf(kind, electionId), current.version, async () =>
      prepare(await htmlOf(electionPages[kind].page(current.view, live.section))),
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
    return current && this.documents.get(keyOf(key, electionId), current.version, async () => prepare(await build(current.view)));
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
      prepare(JSON.stringify(contestView(current.view, contest).result)),
    );
  }

  /** A ward's page, or null for an unknown election or ward. */
  async contestPage(db: Db, electionId: string, contestId: string): Promise<Rendered | null> {
    const current = await this.current(db, electionId);
    const contest = current && findContest(current.view, contestId);
    if (!current || !contest) return null;
    const live = await this.contestSection(current, contest);
    return this.pages.get(keyOf('ward', electionId, contestId), current.version, async () =>
      prepare(await htmlOf(<ContestPage view={contestView(current.view, contest)}>{live.section}</ContestPage>)),
    );
  }

  /** A ward page's live section, as htmx polls it. */
  async contestLive(db: Db, electionId: string, contestId: string): Promise<Rendered | null> {
    const current = await this.current(db, electionId);
    const contest = current && findContest(current.view, contestId);
    return current && contest && (await this.contestSection(current, contest)).fragment;
  }

  /** The election as it stands: one indexed read, and a load only when it has changed. */
  private async current(db: Db, electionId: string): Promise<Current | null> {
    const version = await electionUpdatedAt(db, electionId);
    if (version === null) return null;
    const view = await this.views.get(electionId, version, async () => {
      const snapshot = await loadElection(db, electionId);
      return snapshot && electionView(publishableSnapshot(snapshot));
    });
    return view && { version, view };
  }

  private electionSection({ version, view }: Current, kind: ElectionPageKind): Promise<LiveRender> {
    const electionId = view.results.id;
    const { livePath, live } = electionPages[kind];
    return this.sections.get(keyOf(kind, electionId), version, () => renderLive(livePath(electionId), live(view), view.news));
  }

  private contestSection({ version, view }: Current, contest: ContestSnapshot): Promise<LiveRender> {
    const electionId = view.results.id;
    return this.sections.get(keyOf('ward', electionId, contest.id), version, () => {
      const ward = contestView(view, contest);
      return renderLive(contestLivePath(electionId, contest.id), <ContestLive result={ward.result} />, ward.news);
    });
  }
}
