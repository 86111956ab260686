// What a user sends to save or rename a view. The list's state is the list's own search string,
// read again by the service so that a view never stores what the list would not accept.
import { z } from 'zod';
import { VIEW_NAME_MAX } from './views';

const name = z
  .string({ error: 'Name is required' })
  .trim()
  .min(1, { error: 'Name is required' })
  .max(VIEW_NAME_MAX, { error: `The name must be at most ${VIEW_NAME_MAX} characters` });

const viewId = z.string({ error: 'View is required' }).uuid({ error: 'View is required' });

export const saveViewInput = z.strictObject({
  viewId,
  name,
  query: z.string({ error: 'The list is required' }).max(2_000, { error: 'The list is too long to save' }),
});

export const renameViewInput = z.strictObject({ viewId, name });

export const viewIdInput = z.strictObject({ viewId });
