import { randomUUID } from 'node:crypto';
import { type Checked, failed, failedWith, passed } from '../core/checked.ts';
import { refusal } from '../core/errors.ts';
import { checkNotArchived } from '../core/event/archive.ts';
import type { EventState } from '../core/model/event-state.ts';
import type { MailingRecord } from '../core/model/mailing-record.ts';
import { type Broadcast, checkMailMessage } from '../core/people/check-mail-message.ts';
import { checkMailingConfirmation } from '../core/people/confirm-mailing.ts';
import { checkOrganizer } from '../core/permissions.ts';
import type { MailMessage } from '../mail/mailer.ts';
import { messages } from '../mail/messages.ts';
import type { BatchProgress } from '../store/mail-outbox-store.ts';
import { signedInUser } from './account.ts';
import { idMakerOf } from './context-of.ts';
import { mailProgress, queueMail } from './mail-outbox.ts';
import type { Mailing } from './mailing.ts';
import { confirmedSubscribers, unsubscribeUrl } from './newsletter.ts';
import { listRegistrants } from './registrations.ts';
import type { Runtime, Who } from './runtime.ts';
import { invitationUrl, listInvitations } from './team-invitations.ts';

/**
 * Who a mailing is for: the registrants of one event, the newsletter's subscribers, or the
 * moderators of the teams invited to sign up again for one event (each reads their teams' links).
 */
export type Audience =
  | { readonly kind: 'registrants'; readonly state: EventState }
  | { readonly kind: 'invitations'; readonly state: EventState }
  | { readonly kind: 'newsletter' };

/** A message checked and shown before it is sent: how many it goes to, and a copy as one of them reads it. */
export interface MailingPreview {
  readonly message: Broadcast;
  readonly recipients: number;
  /** the copy the organiser would get as a test */
  readonly sample: MailMessage;
  /** the key of this confirmation: sending it twice sends once */
  readonly key: string;
}

/** A recorded mailing with how far its messages have gone. */
export interface MailingReport {
  readonly mailing: MailingRecord;
  readonly progress: BatchProgress;
}

/**
 * The message as it would go out, with the number of recipients and a fresh confirmation key; nothing
 * is sent. Refuses with `unauthenticated`, `forbidden` or `invalid_input` (see `checkMailMessage`).
 */
export async function previewMailing(
  runtime: Runtime,
  links: Pick<Mailing, 'baseUrl'>,
  who: Who,
  audience: Audience,
  input: Broadcast,
): Promise<Checked<MailingPreview>> {
  const found = await recipientsOf(runtime, links, who, audience, input);
  if (!found.ok) return found;
  const { message, copies, copyFor } = found.value;
  const sender = await signedInUser(runtime, who);
  if (!sender.ok) return sender;
  return passed({
    message,
    recipients: copies.length,
    sample: copyFor(sender.value.email),
    key: randomUUID(),
  });
}

/**
 * Sends one copy, marked as a test, to the organiser's own address, through the outbox. Refuses like
 * `previewMailing`.
 */
export async function sendTestMailing(
  runtime: Runtime,
  links: Pick<Mailing, 'baseUrl'>,
  who: Who,
  audience: Audience,
  input: Broadcast,
): Promise<Checked<{ to: string }>> {
  const preview = await previewMailing(runtime, links, who, audience, input);
  if (!preview.ok) return preview;
  const { sample } = preview.value;
  await queueMail(runtime, [
    { ...sample, subject: `[Test] ${sample.subject}`, key: `mailing-test:${randomUUID()}` },
  ]);
  return passed({ to: sample.to });
}

/**
 * Sends a confirmed mailing in the background: it is recorded (who, when, to how many) under the
 * confirmation's key, and each copy is queued in the outbox with the mailing's id as its batch. The
 * same confirmation sent again finds the mailing it made and queues nothing. Refuses like
 * `previewMailing`, and as `checkMailingConfirmation` does.
 */
export async function sendMailing(
  runtime: Runtime,
  links: Pick<Mailing, 'baseUrl'>,
  who: Who,
  audience: Audience,
  input: Broadcast & { readonly key: string; readonly confirmedRecipients: string },
): Promise<Checked<{ id: string; created: boolean }>> {
  const sender = await signedInUser(runtime, who);
  if (!sender.ok) return sender;
  const found = await recipientsOf(runtime, links, who, audience, input);
  if (!found.ok) return found;
  const { message, copies, invitations } = found.value;
  const refused = checkMailingConfirmation({
    key: input.key,
    confirmedRecipients: input.confirmedRecipients,
    recipients: copies.length,
  });
  if (refused) return failedWith(refused);
  const { mailing, created } = await runtime.store.mailings.record({
    id: idMakerOf(runtime)(),
    idempotencyKey: input.key,
    audience: audience.kind,
    eventId: audience.kind === 'newsletter' ? null : audience.state.event.id,
    subject: message.subject,
    body: message.body,
    sentBy: sender.value.id,
    sentByName: sender.value.name,
    createdAt: runtime.clock.now(),
    recipients: copies.length,
  });
  if (created) {
    await queueMail(
      runtime,
      copies.map((copy) => ({ ...copy, key: `mailing:${mailing.id}:${copy.to}`, batch: mailing.id })),
    );
    await runtime.store.invitations.markSent(invitations ?? [], mailing.createdAt);
  }
  return passed({ id: mailing.id, created });
}

/**
 * A mailing of the audience with how far it has gone. Refuses with `unauthenticated`, `forbidden` or
 * `not_found` (no such mailing, or another audience's).
 */
export async function mailingReport(
  runtime: Runtime,
  who: Who,
  audience: Audience,
  id: string,
): Promise<Checked<MailingReport>> {
  const denied = checkOrganizer(who.actor);
  if (denied) return failedWith(denied);
  const mailing = id.length <= 64 ? await runtime.store.mailings.find(id) : null;
  if (!mailing || !sameAudience(mailing, audience))
    return failedWith(refusal('not_found', 'There is no such mailing.'));
  return passed({ mailing, progress: await mailProgress(runtime, mailing.id) });
}

/** The audience's mailings, newest first, each with its progress. Refuses with `unauthenticated` or `forbidden`. */
export async function listMailings(
  runtime: Runtime,
  who: Who,
  audience: Audience,
): Promise<Checked<MailingReport[]>> {
  const denied = checkOrganizer(who.actor);
  if (denied) return failedWith(denied);
  const eventId = audience.kind === 'newsletter' ? null : audience.state.event.id;
  const reports: MailingReport[] = [];
  for (const mailing of await runtime.store.mailings.list(audience.kind, eventId, 50))
    reports.push({ mailing, progress: await mailProgress(runtime, mailing.id) });
  return passed(reports);
}

function sameAudience(mailing: MailingRecord, audience: Audience): boolean {
  if (audience.kind === 'newsletter') return mailing.audience === 'newsletter';
  return mailing.audience === audience.kind && mailing.eventId === audience.state.event.id;
}

/** A checked message with a copy for each recipient, and the invitations it carries, if any. */
interface Recipients {
  readonly message: Broadcast;
  readonly copies: MailMessage[];
  /** the copy anyone else would read (a test copy carries no subscriber's own unsubscribe link) */
  readonly copyFor: (to: string) => MailMessage;
  readonly invitations?: readonly string[];
}

/**
 * The checked message and a copy for each recipient. Invitations go out only from a published event
 * (`event_draft`, since the invited could not open its sign-up form) that is not archived.
 */
async function recipientsOf(
  runtime: Runtime,
  links: Pick<Mailing, 'baseUrl'>,
  who: Who,
  audience: Audience,
  input: Broadcast,
): Promise<Checked<Recipients>> {
  if (audience.kind === 'invitations') {
    const invitations = await listInvitations(runtime, who, audience.state);
    if (!invitations.ok) return invitations;
    const { event } = audience.state;
    if (event.status === 'draft')
      return failed(
        'event_draft',
        `${event.title} is still a draft: publish it before e-mailing the invitations, so that the invited can open its sign-up form.`,
      );
    const archived = checkNotArchived(event, 'signup');
    if (archived) return failedWith(archived);
    const message = checkMailMessage(input);
    if (!message.ok) return message;
    const open = invitations.value.filter((invitation) => invitation.status === 'invited');
    const byAddress = new Map<string, { name: string; url: string }[]>();
    for (const invitation of open)
      for (const address of invitation.moderators)
        byAddress.set(address, [
          ...(byAddress.get(address) ?? []),
          { name: invitation.name, url: invitationUrl(links, audience.state, invitation) },
        ]);
    const copy = (to: string, teams: readonly { name: string; url: string }[]) =>
      messages.teamInvitation(to, message.value.subject, message.value.body, event.title, teams);
    const first = [...byAddress.values()][0] ?? [];
    return passed({
      message: message.value,
      copies: [...byAddress].map(([to, teams]) => copy(to, teams)),
      copyFor: (to) => copy(to, first),
      invitations: open
        .filter((invitation) => invitation.moderators.length > 0)
        .map((invitation) => invitation.id),
    });
  }
  if (audience.kind === 'registrants') {
    const registrants = await listRegistrants(runtime, who, audience.state);
    if (!registrants.ok) return registrants;
    const message = checkMailMessage(input);
    if (!message.ok) return message;
    const { event } = audience.state;
    const eventUrl = `${links.baseUrl}/events/${encodeURIComponent(event.slug)}`;
    const copyFor = (to: string) =>
      messages.toRegistrants(to, message.value.subject, message.value.body, event.title, eventUrl);
    return passed({
      message: message.value,
      copies: registrants.value.map(({ user }) => copyFor(user.email)),
      copyFor,
    });
  }
  const subscribers = await confirmedSubscribers(runtime, who);
  if (!subscribers.ok) return subscribers;
  const message = checkMailMessage(input);
  if (!message.ok) return message;
  const issue = (to: string, unsubscribe: string) =>
    messages.newsletterIssue(to, message.value.subject, message.value.body, unsubscribe);
  return passed({
    message: message.value,
    copies: subscribers.value.map((subscriber) => issue(subscriber.email, unsubscribeUrl(links, subscriber))),
    copyFor: (to) => issue(to, `${links.baseUrl}/newsletter`),
  });
}
