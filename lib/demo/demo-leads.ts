// Realistic lead histories for the demo tenant and the benchmarks: each lead is a list of commands
// (as a client would send them) with the moment each was carried out. Deterministic for a seed.
import { normalisePhone } from '@/lib/leads/contact';
import { seededRandom, type Random } from './random';

const FIRST_NAMES = ['Ana', 'Stefan', 'Maria', 'Ivan', 'Chloé', 'José', 'Zoë', 'Mehmet', 'Aisha', 'Liam', 'Olivia', 'Noah', 'Emma', 'Lucas', 'Mia', 'Björn', 'Søren', 'Élodie', 'Priya', 'Kwame', 'Yuki', 'Fatima', 'Dmitri', 'Grace', 'Oscar', 'Nadia', 'Tomás', 'Hannah', 'Rafael', 'Ingrid'];
const LAST_NAMES = ['Ivanov', 'Lima', 'García', 'Müller', 'Smith', 'Jones', 'Petrov', 'Novak', 'Okafor', 'Nakamura', 'Kowalski', 'Rossi', 'Dubois', 'Jansen', 'Andersson', 'Brown', 'Taylor', 'Wilson', 'Khan', 'Patel', "O'Brien", 'Fernández', 'Popescu', 'Horvat', 'Mensah', 'Silva', 'Costa', 'Evans', 'Walker', 'Hughes'];
const DOMAINS = ['example.com', 'mail.example', 'post.example.org', 'inbox.example.net', 'corp.example.co.uk'];
const SOURCES = ['web form', 'referral', 'trade show', 'cold list', 'partner', 'ad campaign'];
/** Dispositions that leave the status to the agent's next step (the default dispositions' codes). */
const OUTCOMES = ['no-answer', 'voicemail', 'busy'] as const;

export type DemoCommand = { readonly at: Date; readonly actorId: string; readonly input: Record<string, unknown> };

const DAY = 86_400_000;

/** A valid UK phone number in one of the formats agents type: national, spaced or international. */
function ukPhone(random: Random): string {
  for (;;) {
    const typed = ukPhoneCandidate(random);
    if (normalisePhone(typed, 'GB')) return typed;
  }
}

function ukPhoneCandidate(random: Random): string {
  const digits = String(random.int(0, 999_999)).padStart(6, '0');
  const mobile = `07${random.pick(['400', '500', '700', '800', '900', '911', '922', '956'])}${digits}`;
  const landline = `020${random.pick(['7', '8'])}${String(random.int(0, 9_999_999)).padStart(7, '0')}`;
  const national = random.chance(0.7) ? mobile : landline;
  switch (random.int(0, 2)) {
    case 0: return national;
    case 1: return `${national.slice(0, 5)} ${national.slice(5)}`;
    default: return `+44 ${national.slice(1, 5)} ${national.slice(5)}`;
  }
}

function emailFor(random: Random, first: string, last: string): string {
  const plain = (text: string) => text.normalize('NFD').replace(/[^A-Za-z]/g, '').toLowerCase();
  return `${plain(first)}.${plain(last)}${random.int(1, 99)}@${random.pick(DOMAINS)}`;
}

/**
 * The commands of lead `index`: registration some days before `now`, then phone and email changes
 * (30% and 20% of leads), two to four status changes for most, notes and call outcomes.
 */
export function demoLeadHistory(seed: number, index: number, leadId: string, agents: readonly string[], now: Date): DemoCommand[] {
  const random = seededRandom(seed * 1_000_003 + index);
  const first = random.pick(FIRST_NAMES);
  const last = random.pick(LAST_NAMES);
  const owner = random.pick(agents);
  let at = now.getTime() - random.int(2, 120) * DAY - random.int(0, DAY);
  const step = () => (at += random.int(1, 9) * 3_600_000 + random.int(0, 3_600_000));
  const commands: DemoCommand[] = [];
  const push = (input: Record<string, unknown>, actorId = owner) => commands.push({ at: new Date(step()), actorId, input: { leadId, ...input } });

  const phone = ukPhone(random);
  const email = emailFor(random, first, last);
  push({ type: 'RegisterLead', data: { leadId, name: `${first} ${last}`, phones: [phone], emails: random.chance(0.85) ? [email] : [], source: random.pick(SOURCES), ownerId: owner } });
  if (random.chance(0.3)) push({ type: 'ChangeContactInfo', data: { removePhones: [phone], addPhones: [ukPhone(random)] } });
  if (random.chance(0.2)) push({ type: 'ChangeContactInfo', data: { addEmails: [emailFor(random, first, last)] } });
  if (random.chance(0.1)) push({ type: 'ChangeName', data: { name: `${first} ${random.pick(LAST_NAMES.filter((name) => name !== last))}` } });

  let status = 'Available';
  const changes = random.chance(0.85) ? random.int(2, 4) : random.int(0, 1);
  for (let i = 0; i < changes && status !== 'Converted'; i++) {
    push({ type: 'RecordCallOutcome', data: { outcome: random.pick(OUTCOMES) } });
    const next = nextStatus(random, status, i === changes - 1);
    const followUpAt = next === 'FollowUp' ? new Date(at + random.int(1, 10) * DAY).toISOString() : null;
    push({ type: 'ChangeStatus', data: { status: next, followUpAt } });
    status = next;
  }
  if (random.chance(0.4)) push({ type: 'AddNote', data: { noteId: uuidFrom(random), text: random.pick(['Prefers calls after 5pm', 'Asked for a written quote', 'Decision maker is the spouse', 'Call back next quarter']) } });
  return commands.filter((command) => command.at.getTime() < now.getTime());
}

function nextStatus(random: Random, status: string, last: boolean): string {
  const options: Record<string, string[]> = {
    Available: ['FollowUp', 'FollowUp', 'Closed', 'Converted'],
    FollowUp: last ? ['Converted', 'Closed', 'FollowUp'] : ['Available', 'Closed', 'Converted'],
    Closed: ['Available', 'FollowUp'],
  };
  const next = random.pick(options[status]!);
  return next === status ? 'Closed' : next;
}

/** A UUID drawn from the seeded generator, so reruns produce the same ids. */
export function uuidFrom(random: Random): string {
  const hex = Array.from({ length: 32 }, () => random.int(0, 15).toString(16));
  hex[12] = '4';
  hex[16] = ((random.int(0, 15) & 0x3) | 0x8).toString(16);
  const s = hex.join('');
  return `${s.slice(0, 8)}-${s.slice(8, 12)}-${s.slice(12, 16)}-${s.slice(16, 20)}-${s.slice(20)}`;
}
