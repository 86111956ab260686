'use client';
// Disabling and enabling an endpoint, and rotating its secret (the new one shown once).
import { useMutation } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { disableEndpoint, enableEndpoint, rotateSecret } from '@/app/(app)/admin/webhooks/actions';
import styles from '@/components/admin/admin.module.css';
import { SecretOnce } from './secret-once';

export function EndpointControls({ endpointId, enabled }: { endpointId: string; enabled: boolean }) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [secret, setSecret] = useState<string | null>(null);
  const act = useMutation({
    mutationFn: async (what: 'disable' | 'enable' | 'rotate') => {
      const call = what === 'disable' ? disableEndpoint : what === 'enable' ? enableEndpoint : rotateSecret;
      const result = await call({ endpointId });
      if (!result.ok) throw new Error(result.error.message);
      return result.data.secret;
    },
    onSuccess: (newSecret) => {
      setError(null);
      setSecret(newSecret);
      router.refresh();
    },
    onError: (failure) => setError(failure.message),
  });
  return (
    <>
      <div className={styles.accessForm}>
        <button type="button" className="button" disabled={act.isPending} onClick={() => act.mutate(enabled ? 'disable' : 'enable')}>{enabled ? 'Disable endpoint' : 'Enable endpoint'}</button>
        <button type="button" className={styles.quiet} disabled={act.isPending} onClick={() => act.mutate('rotate')}>Rotate secret</button>
        {error && <p role="alert" className="error">{error}</p>}
      </div>
      <div role="status">{secret && <SecretOnce secret={secret} intro="Secret rotated: messages are signed with the new one from now on." />}</div>
    </>
  );
}
