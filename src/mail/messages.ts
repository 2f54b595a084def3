import type { MailMessage } from './mailer.ts';

/**
 * The words of every e-mail Convene sends, in one place: plain text, with each link on a line of
 * its own so that any mail program makes it clickable.
 */
export const messages = {
  signInLink(to: string, url: string, minutes: number): MailMessage {
    return {
      to,
      subject: 'Your sign-in link for Convene',
      text: lines(
        'Hello,',
        '',
        `Someone (we hope you) asked to sign in to Convene with this address. Open this link within ${minutes} minutes to sign in:`,
        '',
        url,
        '',
        'The link works once. If you did not ask for it, ignore this message: nothing happens without the link.',
      ),
    };
  },

  signupReceived(to: string, team: string, event: string, url: string): MailMessage {
    return {
      to,
      subject: `${team} is signed up for ${event}`,
      text: lines(
        'Hello,',
        '',
        `Thank you for signing ${team} up for ${event}. The organisers will review the request and write to you when they have decided.`,
        '',
        'Until then you can change your answers or withdraw the request here:',
        '',
        url,
      ),
    };
  },

  signupApproved(to: string, team: string, event: string, url: string, bookingOpens: string): MailMessage {
    return {
      to,
      subject: `${team} is on the official team list of ${event}`,
      text: lines(
        'Hello,',
        '',
        `The organisers approved ${team}: it is now on the official team list of ${event}, and you and the moderators you named can book its time.`,
        '',
        bookingOpens,
        '',
        'Sign in and manage the team here:',
        '',
        url,
      ),
    };
  },

  moderatorGranted(to: string, team: string, event: string, url: string): MailMessage {
    return {
      to,
      subject: `You moderate ${team} at ${event}`,
      text: lines(
        'Hello,',
        '',
        `You are a moderator of ${team} at ${event}: you can book and release its time, and set what it discusses now and next.`,
        '',
        'Sign in with this address and manage the team here:',
        '',
        url,
      ),
    };
  },

  moderatorInvited(
    to: string,
    team: string,
    event: string,
    signInUrl: string,
    manageUrl: string,
  ): MailMessage {
    return {
      to,
      subject: `You moderate ${team} at ${event}`,
      text: lines(
        'Hello,',
        '',
        `You are now a moderator of ${team} at ${event}: you can book and release its time, and set what it discusses now and next.`,
        '',
        'This link signs you in and opens the team’s page; it works once, within seven days:',
        '',
        signInUrl,
        '',
        'Later, sign in with this address and find the team here:',
        '',
        manageUrl,
      ),
    };
  },

  moderatorRemoved(to: string, team: string, event: string): MailMessage {
    return {
      to,
      subject: `You no longer moderate ${team} at ${event}`,
      text: lines(
        'Hello,',
        '',
        `You are no longer a moderator of ${team} at ${event}. Write to the team's lead or the organisers with any question.`,
      ),
    };
  },

  codeOfConductChanged(to: string, event: string, version: string, acceptUrl: string): MailMessage {
    return {
      to,
      subject: `${event} has a new Code of Conduct (version ${version})`,
      text: lines(
        'Hello,',
        '',
        `The organisers of ${event} published version ${version} of its Code of Conduct. Please read it and accept it: until you do, the parts of the event for registered attendees, such as the room links, stay hidden from you.`,
        '',
        'Read and accept it here, with one tick:',
        '',
        acceptUrl,
      ),
    };
  },

  signupToReview(to: string, team: string, event: string, lead: string, reviewUrl: string): MailMessage {
    return {
      to,
      subject: `New sign-up for ${event}: ${team}`,
      text: lines('Hello,', '', `${lead} signed ${team} up for ${event}. Review it here:`, '', reviewUrl),
    };
  },

  namedInSignup(to: string, team: string, event: string, lead: string): MailMessage {
    return {
      to,
      subject: `You are named as a moderator of ${team} at ${event}`,
      text: lines(
        'Hello,',
        '',
        `${lead} signed ${team} up for ${event} and named you as one of its moderators. Once the organisers approve the team you will hear again, and can then book its time after signing in with this address.`,
      ),
    };
  },

  bookingOpens(to: string, team: string, event: string, manageUrl: string): MailMessage {
    return {
      to,
      subject: `Booking is open for ${team} at ${event}`,
      text: lines('Hello,', '', `${team} can book its time at ${event} now:`, '', manageUrl),
    };
  },

  summaryReminder(to: string, team: string, event: string, manageUrl: string): MailMessage {
    return {
      to,
      subject: `${team}'s summary of ${event}`,
      text: lines(
        'Hello,',
        '',
        `${event} is over, and ${team} has not linked a summary yet. A short write-up (a mailing-list post, a blog) helps everyone who could not be in the room; the event page and its report list every team's.`,
        '',
        "Link it, and the team's notes, on the manage page:",
        '',
        manageUrl,
      ),
    };
  },

  registered(to: string, event: string, joinUrl: string, calendarUrl: string): MailMessage {
    return {
      to,
      subject: `You are registered for ${event}`,
      text: lines(
        'Hello,',
        '',
        `You are registered for ${event}. Where and how to join each room:`,
        '',
        joinUrl,
        '',
        'The schedule as a calendar, for your calendar app (your own calendar of the teams you follow is on your account page):',
        '',
        calendarUrl,
      ),
    };
  },

  signupDeclined(to: string, team: string, event: string, reason: string, contact: string): MailMessage {
    return {
      to,
      subject: `About ${team} at ${event}`,
      text: lines(
        'Hello,',
        '',
        `The organisers of ${event} have decided not to add ${team} to the team list. They gave this reason:`,
        '',
        `  ${reason}`,
        '',
        contact ? `Write to ${contact} with any question.` : 'Reply to the organisers with any question.',
      ),
    };
  },

  signupMerged(to: string, team: string, into: string, event: string, url: string): MailMessage {
    return {
      to,
      subject: `${team} joins ${into} at ${event}`,
      text: lines(
        'Hello,',
        '',
        `Your sign-up for ${team} asked for the same team as ${into}, so the organisers of ${event} merged the two. You and the moderators you named join ${into}.`,
        '',
        url,
      ),
    };
  },

  teamWithdrawn(to: string, team: string, event: string, reason: string | null): MailMessage {
    return {
      to,
      subject: `${team} is withdrawn from ${event}`,
      text: lines(
        'Hello,',
        '',
        `${team} is no longer part of ${event}.`,
        ...(reason ? ['', `The reason given: ${reason}`] : []),
      ),
    };
  },

  newsletterConfirm(to: string, confirmUrl: string, unsubscribeUrl: string): MailMessage {
    return {
      to,
      subject: 'Confirm your subscription to the Convene newsletter',
      text: lines(
        'Hello,',
        '',
        'Someone (we hope you) subscribed this address to the newsletter. Open this link to confirm:',
        '',
        confirmUrl,
        '',
        'Nothing more will reach you unless you confirm.',
        ...unsubscribeFooter(unsubscribeUrl),
      ),
      headers: { 'List-Unsubscribe': `<${unsubscribeUrl}>` },
    };
  },

  newsletterWelcome(to: string, unsubscribeUrl: string): MailMessage {
    return {
      to,
      subject: 'You are subscribed to the Convene newsletter',
      text: lines('Hello,', '', 'Your subscription is confirmed.', ...unsubscribeFooter(unsubscribeUrl)),
      headers: { 'List-Unsubscribe': `<${unsubscribeUrl}>` },
    };
  },

  newsletterIssue(to: string, subject: string, body: string, unsubscribeUrl: string): MailMessage {
    return {
      to,
      subject,
      text: lines(body, ...unsubscribeFooter(unsubscribeUrl)),
      headers: { 'List-Unsubscribe': `<${unsubscribeUrl}>` },
    };
  },

  toRegistrants(to: string, subject: string, body: string, event: string, eventUrl: string): MailMessage {
    return {
      to,
      subject,
      text: lines(body, '', '--', `You receive this because you registered for ${event}:`, eventUrl),
    };
  },

  teamInvitation(
    to: string,
    subject: string,
    body: string,
    event: string,
    teams: readonly { readonly name: string; readonly url: string }[],
  ): MailMessage {
    return {
      to,
      subject,
      text: lines(
        body,
        '',
        ...teams.flatMap((team) => [
          `Sign ${team.name} up for ${event}: the form starts from its answers of last time.`,
          team.url,
          '',
        ]),
        '--',
        `You receive this because you moderated ${teams.map((team) => team.name).join(', ')} at an earlier event.`,
      ),
    };
  },

  topicAlerts(
    to: string,
    alerts: readonly { message: string; url: string }[],
    settingsUrl: string,
  ): MailMessage {
    return {
      to,
      subject:
        alerts.length === 1
          ? `Topic alert: ${alerts[0]?.message}`.slice(0, 150)
          : `${alerts.length} topics you subscribed to`,
      text: lines(
        'Hello,',
        '',
        alerts.length === 1 ? 'A topic you subscribed to was set:' : 'Topics you subscribed to were set:',
        '',
        ...alerts.flatMap((alert) => [alert.message, alert.url, '']),
        ...alertFooter(settingsUrl),
      ),
      headers: { 'List-Unsubscribe': `<${settingsUrl}>` },
    };
  },

  meetingReminder(to: string, message: string, url: string, settingsUrl: string): MailMessage {
    return {
      to,
      subject: message.slice(0, 150),
      text: lines('Hello,', '', message, '', url, '', ...alertFooter(settingsUrl)),
      headers: { 'List-Unsubscribe': `<${settingsUrl}>` },
    };
  },
};

function alertFooter(settingsUrl: string): string[] {
  return ['--', 'You chose to receive these by e-mail. To stop them, change your choice here:', settingsUrl];
}

function unsubscribeFooter(url: string): string[] {
  return ['', '--', 'To stop receiving the newsletter, open this link (no sign-in needed):', url];
}

function lines(...parts: string[]): string {
  return `${parts.join('\n')}\n`;
}
