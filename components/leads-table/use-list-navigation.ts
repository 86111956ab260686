'use client';
import { useRouter } from 'next/navigation';
import { useOptimistic, useTransition } from 'react';
import { toSearchString, type LeadListParams } from '@/lib/read/lead-table/list-params';

/**
 * The list's state lives in the URL: a change pushes a new URL and the server renders that page.
 * Until it arrives the controls already show the change (optimistic) and `pending` is true.
 */
export function useListNavigation(params: LeadListParams) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [shown, show] = useOptimistic(params);

  function navigate(next: LeadListParams, { scroll = false } = {}) {
    startTransition(() => {
      show(next);
      router.push(`/leads${toSearchString(next)}`, { scroll });
    });
  }

  return { shown, pending, navigate };
}
