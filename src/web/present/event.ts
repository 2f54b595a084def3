import type { EventInfo } from '../../core/model/event.ts';

/** The public fields of an event, in the API's words. */
export function presentEvent(event: EventInfo) {
  return {
    slug: event.slug,
    title: event.title,
    starts_on: event.startsOn,
    ends_on: event.endsOn,
    time_zone: event.timeZone,
    mode: event.mode,
    status: event.status,
    contact: event.contact,
    chat: event.chat,
    etherpad_template: event.etherpadTemplate,
    slot_minutes: event.slotMinutes,
    windows: event.windows.map((window) => ({ name: window.name, start: window.start, end: window.end })),
    rules: {
      daily_cap_minutes: event.rules.dailyCapMinutes,
      total_cap_minutes: event.rules.totalCapMinutes,
      cross_project_opens_at: event.rules.crossProjectOpensAt,
      others_open_at: event.rules.othersOpenAt,
      joint_caps: event.rules.jointCaps ?? 'host',
    },
    code_of_conduct: { version: event.codeOfConduct.version, url: event.codeOfConduct.url },
    attendee_only_room_links: event.attendeeOnlyRoomLinks,
    signup_opens_at: event.signupOpensAt,
    signup_closes_at: event.signupClosesAt,
  };
}

/** The event with its public Markdown content, for the event's own endpoint. */
export function presentEventDetail(event: EventInfo) {
  return {
    ...presentEvent(event),
    content: {
      about: event.content.about,
      audience: event.content.audience,
      not_for: event.content.notFor,
      why: event.content.why,
      faq: event.content.faq,
      code_of_conduct: event.codeOfConduct.text,
    },
  };
}
