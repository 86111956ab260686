'use client';
import { useMutation } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import type { ActionError, ActionResult } from '@/lib/gate/result';

/** A saved-view action as a mutation: a refusal is its error (with the fields it names); success reloads the list's views. */
export function useViewAction<Input>(send: (input: Input) => Promise<ActionResult<unknown>>, onDone?: () => void) {
  const router = useRouter();
  return useMutation<unknown, ActionError, Input>({
    mutationFn: async (input) => {
      const result = await send(input);
      if (!result.ok) throw result.error;
      return result.data;
    },
    onSuccess: () => {
      onDone?.();
      router.refresh();
    },
  });
}
