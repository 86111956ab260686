'use server';
// Admins register and change their organisation's webhook endpoints, rotate a secret (shown once,
// in the answer), disable and enable an endpoint, and replay its deliveries from one onward. The
// tenant is always the admin's.
import { revalidatePath } from 'next/cache';
import { action } from '@/lib/gate';
import { system } from '@/lib/system/server';
import { changeWebhooks, type WebhookChange } from '@/lib/webhooks/service';

const webhookAction = (change: WebhookChange) =>
  action('manage-webhooks', async (admin, input) => {
    const outcome = await changeWebhooks(system().store, admin, change, input);
    revalidatePath('/admin/webhooks');
    revalidatePath(`/admin/webhooks/${outcome.endpointId}`);
    return outcome;
  });

export const registerEndpoint = webhookAction('register');
export const changeEndpoint = webhookAction('change');
export const rotateSecret = webhookAction('rotate');
export const disableEndpoint = webhookAction('disable');
export const enableEndpoint = webhookAction('enable');
export const replayDeliveries = webhookAction('replay');
