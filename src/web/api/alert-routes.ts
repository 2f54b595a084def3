import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { adoptFollows, setFollowing } from '../../app/follows.ts';
import { setSubscription } from '../../app/subscriptions.ts';
import type { WebDeps } from '../deps.ts';
import { sendRefusal } from '../plugins/errors.ts';
import { bearer, EventParams, errorResponses, Nullable, Reply, TeamParams } from './common.schema.ts';
import { eventOr404, userIdOr401, whoOr401 } from './respond.ts';

const Subscription = Type.Object({ pattern: Nullable(Type.String()), reply: Reply });
const AlertSettingsBody = Type.Object({
  topic_mail: Type.Boolean({ description: 'topic alerts also by e-mail, at most one every few minutes' }),
  reminders: Type.Boolean({
    description: '“starts in 10 minutes” reminders for followed teams, in the page',
  }),
  reminder_mail: Type.Boolean({ description: 'those reminders also by e-mail' }),
});
const Following = Type.Object({ team: Type.String(), following: Type.Boolean() });

/**
 * A person's follows, topic subscription and alert choices over the API (token or session). The
 * web pages call the same application functions.
 */
export function alertRoutes(deps: WebDeps): FastifyPluginAsyncTypebox {
  const { runtime } = deps;
  return async (app) => {
    app.get(
      '/events/:event/subscription',
      {
        schema: {
          summary: 'Your topic subscription for the event (the chat’s subscribe)',
          tags: ['account'],
          security: bearer,
          params: EventParams,
          response: { 200: Type.Object({ pattern: Nullable(Type.String()) }), ...errorResponses },
        },
      },
      async (request, reply) => {
        const userId = await userIdOr401(request, reply);
        if (!userId) return reply;
        const state = await eventOr404(deps, reply, request.params.event);
        if (!state) return reply;
        return { pattern: await runtime.store.personal.subscriptionOf(state.event.id, userId) };
      },
    );

    app.put(
      '/events/:event/subscription',
      {
        schema: {
          summary: 'Set your topic subscription: words, "phrases", #teams or /a regex/ (RE2); empty ends it',
          tags: ['account'],
          security: bearer,
          params: EventParams,
          body: Type.Object({ pattern: Type.String({ maxLength: 20_000 }) }),
          response: { 200: Subscription, ...errorResponses },
        },
      },
      async (request, reply) => {
        const who = await whoOr401(request, reply);
        if (!who) return reply;
        const saved = await setSubscription(runtime, who, request.params.event, request.body.pattern);
        return saved.ok ? saved.value : sendRefusal(reply, saved.refusal);
      },
    );

    app.get(
      '/me/alerts',
      {
        schema: {
          summary: 'How your alerts reach you beyond open pages',
          tags: ['account'],
          security: bearer,
          response: { 200: AlertSettingsBody, ...errorResponses },
        },
      },
      async (request, reply) => {
        const userId = await userIdOr401(request, reply);
        if (!userId) return reply;
        const settings = await runtime.store.alerts.settingsOf(userId);
        return {
          topic_mail: settings.topicMail,
          reminders: settings.reminders,
          reminder_mail: settings.reminderMail,
        };
      },
    );

    app.put(
      '/me/alerts',
      {
        schema: {
          summary: 'Choose how your alerts reach you beyond open pages',
          tags: ['account'],
          security: bearer,
          body: AlertSettingsBody,
          response: { 200: AlertSettingsBody, ...errorResponses },
        },
      },
      async (request, reply) => {
        const userId = await userIdOr401(request, reply);
        if (!userId) return reply;
        const { topic_mail, reminders, reminder_mail } = request.body;
        await runtime.store.alerts.saveSettings(userId, {
          topicMail: topic_mail,
          reminders,
          reminderMail: reminder_mail,
        });
        return request.body;
      },
    );

    for (const [method, following] of [
      ['PUT', true],
      ['DELETE', false],
    ] as const) {
      app.route({
        method,
        url: '/events/:event/teams/:team/follow',
        schema: {
          summary: following ? 'Follow a team, on your account' : 'Stop following a team',
          tags: ['account'],
          security: bearer,
          params: TeamParams,
          response: { 200: Following, ...errorResponses },
        },
        handler: async (request, reply) => {
          const who = await whoOr401(request, reply);
          if (!who) return reply;
          const { event, team } = request.params as { event: string; team: string };
          const done = await setFollowing(runtime, who, event, team, following);
          return done.ok ? done.value : sendRefusal(reply, done.refusal);
        },
      });
    }

    app.post(
      '/events/:event/follows',
      {
        schema: {
          summary: 'Add teams followed on a browser before signing in to your account',
          tags: ['account'],
          security: bearer,
          params: EventParams,
          body: Type.Object({ teams: Type.Array(Type.String({ maxLength: 100 }), { maxItems: 1000 }) }),
          response: { 200: Type.Object({ added: Type.Array(Type.String()) }), ...errorResponses },
        },
      },
      async (request, reply) => {
        const who = await whoOr401(request, reply);
        if (!who) return reply;
        const adopted = await adoptFollows(runtime, who, request.params.event, request.body.teams);
        return adopted.ok ? adopted.value : sendRefusal(reply, adopted.refusal);
      },
    );
  };
}
