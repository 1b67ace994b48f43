// Admin → Status: how the server is on the night, gathered in one place. The database (does
// it answer, how large), each social channel (set up, paused, rate-limited, its queue), how
// long this server has run and which version, and what needs fixing before the polls close.
import type { Db } from '../../db/client';
import { currentElectionId } from '../../db/currentElection';
import { listElections } from '../../db/results';
import { databaseAnswers, databaseSize } from '../../db/health';
import { outboxQueues, type ChannelQueue } from '../../db/outbox';
import { channelSettings, defaultChannelSettings } from '../../db/socialChannels';
import { countOf } from '../domain/format';
import { channelLabel, channelNames, isChannelName } from '../social/channelNames';
import { channelSetups, socialConfig, type ChannelSetup, type Env } from '../social/config';
import { version } from '../version';

/** Since when this server has run: Node's process, or (on Workers) the isolate's first request. */
export interface Started {
  at: number;
  kind: 'process' | 'first-request';
}

export interface ChannelStatus extends Omit<ChannelQueue, 'channel'> {
  name: string;
  label: string;
  setup: ChannelSetup;
  paused: boolean;
  holdForApproval: boolean;
  /** The platform's rate-limit reset, while it is still ahead; else null. */
  rateLimitedUntil: string | null;
}

export interface NightStatus {
  checkedAt: string;
  database: { answers: boolean; tookMs: number; sizeBytes: number | null };
  /** Channels that are set up (even half), or have posts: the others are only named. */
  channels: ChannelStatus[];
  notSetUp: string[];
  started: Started;
  version: string;
  warnings: string[];
}

const noQueue: Omit<ChannelQueue, 'channel'> = { waiting: 0, held: 0, oldestWaitingSince: null, lastPostedAt: null, failed: 0 };

async function channelStatuses(db: Db, env: Env, now: string): Promise<ChannelStatus[]> {
  const [settings, queues] = await Promise.all([channelSettings(db), outboxQueues(db)]);
  const setups = channelSetups(env);
  // Channels with posts but no longer known to this version are still shown, as off.
  const names = [...new Set([...channelNames, ...queues.map((q) => q.channel)])];
  return names.map((name) => {
    const queue = queues.find((q) => q.channel === name);
    const setting = settings.get(name) ?? defaultChannelSettings(name);
    return {
      name,
      label: channelLabel(name),
      setup: isChannelName(name) ? setups[name] : 'off',
      paused: setting.paused,
      holdForApproval: setting.holdForApproval,
      rateLimitedUntil: setting.blockedUntil !== null && setting.blockedUntil > now ? setting.blockedUntil : null,
      ...(queue ? { waiting: Number(queue.waiting), held: Number(queue.held), oldestWaitingSince: queue.oldestWaitingSince, lastPostedAt: queue.lastPostedAt, failed: Number(queue.failed) } : noQueue),
    };
  });
}

/** The election's day in the UK (YYYY-MM-DD), to compare with an election's date. */
const ukDay = (nowMs: number) => new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London' }).format(new Date(nowMs));

/** The elections the warnings are about: rehearsals on or after their day, and a rehearsal still current on a real election's night. */
interface ElectionWarnings {
  rehearsalsDue: { name: string }[];
  currentRehearsal: { name: string; realTonight: string } | null;
}

async function electionWarnings(db: Db, nowMs: number): Promise<ElectionWarnings> {
  const [elections, currentId] = await Promise.all([listElections(db), currentElectionId(db)]);
  const today = ukDay(nowMs);
  // A count runs past midnight: the night of an election dated yesterday is still on.
  const tonight = new Set([today, ukDay(nowMs - 24 * 60 * 60 * 1000)]);
  const current = elections.find((e) => e.id === currentId);
  const real = elections.find((e) => !e.rehearsal && tonight.has(e.date));
  return {
    rehearsalsDue: elections.filter((e) => e.rehearsal && e.date <= today),
    currentRehearsal: current?.rehearsal && real ? { name: current.name, realTonight: real.name } : null,
  };
}

function warningsOf(channels: ChannelStatus[], env: Env, publicUrlSet: boolean, { rehearsalsDue, currentRehearsal }: ElectionWarnings): string[] {
  const warnings: string[] = [];
  if (!publicUrlSet) {
    warnings.push('PUBLIC_URL is not set: social posts, feeds and the widget link to whichever address served the request. Set it to the public results address before the night.');
  }
  // Half a channel's credentials ("x is off: X_ACCESS_SECRET not set."): named by variable,
  // never by value, in the words the server's start-up log uses.
  for (const problem of socialConfig(env).problems) warnings.push(`Half set up: ${problem}`);
  for (const channel of channels) {
    if (channel.failed > 0) warnings.push(`${countOf(channel.failed, 'post', 'posts')} to ${channel.label} failed: retry or cancel them under Social posts.`);
    if (channel.paused && channel.waiting > 0) warnings.push(`${channel.label} is paused with ${countOf(channel.waiting, 'post', 'posts')} waiting.`);
  }
  // A rehearsal on (or after) its election's day: real results would be published as practice.
  for (const election of rehearsalsDue) {
    warnings.push(`${election.name} is still a rehearsal on its election day: reset it and make it the real election (Admin → Rehearsal) before real results are entered.`);
  }
  // The night of a real election with a rehearsal current: residents arriving at the home
  // page, and newsrooms following the default widget or JSON, would watch the practice.
  if (currentRehearsal) {
    warnings.push(
      `${currentRehearsal.name} is a rehearsal and is still the current election on the night of ${currentRehearsal.realTonight}: the site's home page, the widget's default and the public JSON's default show the rehearsal. Make ${currentRehearsal.realTonight} current (Admin).`,
    );
  }
  return warnings;
}

export async function nightStatus(db: Db, input: { env: Env; publicUrlSet: boolean; started: Started; nowMs?: number }): Promise<NightStatus> {
  const nowMs = input.nowMs ?? Date.now();
  const now = new Date(nowMs).toISOString();
  const asked = performance.now();
  const answers = await databaseAnswers(db);
  const tookMs = performance.now() - asked;
  const sizeBytes = answers ? await databaseSize(db) : null;
  const all = await channelStatuses(db, input.env, now);
  const shown = all.filter((ch) => ch.setup !== 'off' || ch.waiting + ch.failed > 0 || ch.lastPostedAt !== null);
  return {
    checkedAt: now,
    database: { answers, tookMs, sizeBytes },
    channels: shown,
    notSetUp: all.filter((ch) => !shown.includes(ch)).map((ch) => ch.label),
    started: input.started,
    version,
    warnings: warningsOf(shown, input.env, input.publicUrlSet, await electionWarnings(db, nowMs)),
  };
}
