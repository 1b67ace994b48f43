// An audit entry in the words a manager reads it in: who, what and which ward, never the
// stored JSON. Every name here was typed by someone (a user, a ward, a candidate, a reason),
// so each is made fit to publish (control characters gone, direction controls closed, so
// none can turn round the words after it); escaping is the page's and the CSV's job.
import type { AuditListing } from '../../db/auditListing';
import type { SettableStatus } from '../domain/contestStatus';
import { formatNumber, listInWords } from '../domain/format';
import { publishable } from '../domain/text';
import { channelLabel } from '../social/channelNames';

export interface AuditLine {
  id: number;
  /** ISO 8601 UTC, as stored. */
  at: string;
  who: string;
  what: string;
  ward: string | null;
  /** The stored action code and its detail, for the CSV's readers who investigate. */
  action: string;
  detail: Record<string, unknown>;
  ip: string | null;
  userAgent: string | null;
  requestId: string | null;
}

// Read from the audit log, where any text may be stored; a status missing here would be
// caught by the type check.
const statusWords: Record<string, string> = {
  awaiting: 'awaiting result',
  counting: 'counting',
  recount: 'recount',
  postponed: 'postponed',
} satisfies Record<SettableStatus, string>;

const clean = (value: unknown): string => publishable(String(value ?? ''));
const texts = (value: unknown): string[] => (Array.isArray(value) ? value.map(clean) : []);

function who(entry: AuditListing): string {
  if (entry.actorName !== null) return clean(entry.actorName);
  if (entry.userId) return `a user no longer listed (${clean(entry.userId)})`;
  // The command line (and the demo loaded at start-up) acts without a request or a user.
  return entry.requestId ? 'someone not signed in' : 'Command line';
}

/** "Elected: A and B." from a declaration's votes, named by candidate id. */
function electedWords(detail: Record<string, unknown>, candidateNames: Map<string, string>): string {
  const votes = Array.isArray(detail.votes) ? (detail.votes as { candidateId?: unknown; elected?: unknown }[]) : [];
  const elected = votes.filter((v) => v.elected === true).map((v) => candidateNames.get(String(v.candidateId)) ?? clean(v.candidateId));
  return elected.length ? ` Elected: ${listInWords(elected)}.` : '';
}

function warningWords(detail: Record<string, unknown>): string {
  const warnings = texts(detail.acceptedWarnings);
  return warnings.length ? ` Published with ${warnings.length === 1 ? 'a warning' : 'warnings'} confirmed: ${warnings.join(' ')}` : '';
}

function declarationWords(entry: AuditListing, candidateNames: Map<string, string>): string {
  const { detail } = entry;
  const reason = publishable(String(detail.reason ?? ''), { multiline: true }).trim();
  const opening =
    entry.action === 'declaration.create'
      ? 'Declared the result.'
      : `Corrected the result: version ${Number(detail.version)}. Reason: ${reason}${/[.!?]$/.test(reason) ? '' : '.'}`;
  return `${opening}${electedWords(detail, candidateNames)}${warningWords(detail)}`;
}

function settingsWords(entry: AuditListing): string {
  const { detail } = entry;
  const channel = channelLabel(entry.entityId);
  const said: string[] = [];
  if (detail.paused === true) said.push(`Paused posting to ${channel}`);
  if (detail.paused === false) said.push(`Resumed posting to ${channel}`);
  if (detail.holdForApproval === true) said.push(`${channel} posts now wait for an admin's approval`);
  if (detail.holdForApproval === false) said.push(`${channel} posts go out without approval`);
  if ('declarationTemplate' in detail || 'correctionTemplate' in detail) {
    said.push(
      detail.declarationTemplate === null && detail.correctionTemplate === null
        ? `Went back to the built-in wording for ${channel}`
        : `Changed the wording of ${channel} posts`,
    );
  }
  return said.length ? `${said.join('. ')}.` : `Saved the settings of ${channel} without a change.`;
}

function postWords(entry: AuditListing, verb: string): string {
  const channel = entry.postChannel === null ? 'a' : `the ${channelLabel(entry.postChannel)}`;
  const version = entry.postVersion !== null && entry.postVersion > 1 ? ` (version ${entry.postVersion})` : '';
  return `${verb} ${channel} post${version}.`;
}

const electionName = (entry: AuditListing) => (entry.electionName === null ? clean(entry.entityId) : clean(entry.electionName));

function what(entry: AuditListing, candidateNames: Map<string, string>): string {
  const { detail } = entry;
  const subject = entry.subjectName === null ? 'an account no longer listed' : clean(entry.subjectName);
  switch (entry.action) {
    case 'declaration.create':
    case 'declaration.correct':
      return declarationWords(entry, candidateNames);
    case 'contest.status':
      return `Marked the ward as ${statusWords[String(detail.status)] ?? clean(detail.status)}.`;
    case 'election.import':
    case 'election.reimport': {
      const name = electionName(entry);
      const size = `${Number(detail.contests)} wards, ${Number(detail.candidates)} candidates`;
      return entry.action === 'election.import' ? `Imported the election ${name} (${size}).` : `Updated the election ${name} from its file (${size}).`;
    }
    case 'user.create':
      return `Created the ${clean(detail.role)} account ${clean(detail.name)}${detail.via === 'setup' ? ' (the first admin, through /setup)' : ''}.`;
    case 'user.signin':
      return `Signed in${detail.newDevice === true ? ' on a browser new to this account' : ''}.`;
    case 'user.signout':
      return 'Signed out.';
    case 'user.disable':
      return `Disabled the account of ${subject}.`;
    case 'user.enable':
      return `Enabled the account of ${subject} again.`;
    case 'user.sessions.end':
      return `Signed ${subject} out everywhere and revoked their API tokens.`;
    case 'user.unlock':
      return `Unlocked sign-in for ${subject}.`;
    case 'token.create':
      return `Made an API token "${clean(detail.name)}" for ${subject}.`;
    case 'token.revoke': {
      const names = texts(detail.names).map((n) => `"${n}"`);
      return `Revoked the API ${names.length === 1 ? 'token' : 'tokens'} ${listInWords(names)} of ${subject}.`;
    }
    case 'contest.verification': {
      const stations = Number(detail.pollingStations);
      const postal = Number(detail.postal);
      return `Published the verification statement: ${formatNumber(stations + postal)} ballot papers (${formatNumber(stations)} from polling stations, ${formatNumber(postal)} postal).`;
    }
    case 'election.replay': {
      const name = electionName(entry);
      return `Replayed the election ${name} from an export made at ${clean(detail.exportedAt)} (${formatNumber(Number(detail.declarations))} declarations, ${formatNumber(Number(detail.auditEntries))} earlier audit entries).`;
    }
    case 'election.edit':
      return `Edited the election ${electionName(entry)}: ${texts(detail.changes).join('; ')}.`;
    case 'election.current':
      return `Made ${electionName(entry)} the current election: the site's home page leads to it.`;
    case 'election.timetable':
      return 'Set the timetable: when results start and when each ward is expected.';
    case 'election.rehearsal.start':
      return 'Made the election a rehearsal.';
    case 'election.rehearsal.reset':
      return 'Reset the rehearsal: every result, status, verification statement and queued post removed.';
    case 'election.rehearsal.end':
      return 'Made the rehearsal the real election.';
    case 'subscriber.add':
      return `Added the newsroom subscriber ${clean(detail.name)} (${clean(detail.url)}).`;
    case 'subscriber.pause':
      return 'Paused deliveries to a newsroom subscriber.';
    case 'subscriber.resume':
      return 'Resumed deliveries to a newsroom subscriber.';
    case 'subscriber.remove':
      return `Removed the newsroom subscriber ${clean(detail.name)} (${clean(detail.url)}).`;
    case 'social.settings':
      return settingsWords(entry);
    case 'social.retry':
      return postWords(entry, 'Retried');
    case 'social.approve':
      return postWords(entry, 'Approved');
    case 'social.cancel':
      return postWords(entry, 'Cancelled');
    default:
      // An action this page does not know yet: said as stored rather than left out.
      return `${clean(entry.action)} (${clean(entry.entity)} ${clean(entry.entityId)}).`;
  }
}

export function auditLine(entry: AuditListing, candidateNames: Map<string, string>): AuditLine {
  return {
    id: entry.id,
    at: entry.at,
    who: who(entry),
    what: what(entry, candidateNames),
    ward: entry.contestName === null ? null : clean(entry.contestName),
    action: entry.action,
    detail: entry.detail,
    ip: entry.ip,
    userAgent: entry.userAgent,
    requestId: entry.requestId,
  };
}
