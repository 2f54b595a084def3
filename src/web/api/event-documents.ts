import { boardView } from '../../core/board/board-view.ts';
import { presentBoard } from '../present/board.ts';
import { presentSchedule } from '../present/schedule.ts';
import { JsonCache } from './json-cache.ts';

/**
 * The board and schedule JSON of every event, kept as bytes until the revision changes or time
 * moves past what the board shows: the API routes and the fast read path send the same bytes.
 */
export interface EventDocuments {
  readonly board: JsonCache;
  readonly schedule: JsonCache;
}

export function eventDocuments(): EventDocuments {
  return {
    schedule: new JsonCache((state) => ({ value: presentSchedule(state), validUntil: null })),
    board: new JsonCache((state, now) => {
      const view = boardView(state, now);
      return { value: presentBoard(state, view, now), validUntil: view.validUntil };
    }),
  };
}
