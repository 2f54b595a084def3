import { Type } from 'typebox';
import { refusalCodes } from '../../core/errors.ts';

/** Every error response: a stable code from the catalogue and a sentence for people. */
export const ErrorResponse = Type.Object(
  {
    error: Type.Object({
      code: Type.Union([...Object.keys(refusalCodes), 'internal'].map((code) => Type.Literal(code))),
      message: Type.String(),
      parts: Type.Optional(
        Type.Array(
          Type.Object({
            item: Type.String({ description: 'the item as people type it, e.g. a cell `kilo-wed13`' }),
            ok: Type.Boolean({ description: 'whether this item alone could be done' }),
            code: Type.Optional(Type.String({ description: 'the item’s own refusal code' })),
            message: Type.String(),
          }),
          { description: 'for a refusal of several things at once (range_refused): each item’s verdict' },
        ),
      ),
    }),
  },
  { $id: 'ErrorResponse', description: 'A refusal: `code` is stable, `message` is for people.' },
);

export const errorResponses = {
  400: Type.Ref('ErrorResponse'),
  401: Type.Ref('ErrorResponse'),
  403: Type.Ref('ErrorResponse'),
  404: Type.Ref('ErrorResponse'),
  409: Type.Ref('ErrorResponse'),
  429: Type.Ref('ErrorResponse'),
  503: Type.Ref('ErrorResponse'),
};

export const EventParams = Type.Object({
  event: Type.String({ maxLength: 100, description: 'the event slug' }),
});
export const TeamParams = Type.Object({
  event: Type.String({ maxLength: 100 }),
  team: Type.String({ maxLength: 100, description: 'the team slug' }),
});

export const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) =>
  Type.Union([schema, Type.Null()]);

/** Generous bounds at the edge; the core applies the exact limits with a readable message. */
export const ShortText = (description: string) => Type.String({ maxLength: 2000, description });

export const Reply = Type.String({ description: 'what happened, in a sentence' });

export const bearer = [{ bearerAuth: [] }];
