'use client';
// A server-rendered page that shows the organisation's leads (the manager's Today page) reads
// itself again when one of them changes: at most once a second, without polling.
import { useRouter } from 'next/navigation';
import { useMemo } from 'react';
import { throttled, useLiveChanges } from './live-provider';

export function LiveRefresh() {
  const router = useRouter();
  const refresh = useMemo(() => throttled(() => router.refresh()), [router]);
  useLiveChanges(refresh);
  return null;
}
