'use client';
import { createContext, useCallback, useContext, type ReactNode } from 'react';
import { phoneAsRead } from '@/lib/present/phone';

// The tenant's default region, for every number the browser shows: set once by the app's layout.
const PhoneRegion = createContext<string | undefined>(undefined);

export function PhoneRegionProvider({ region, children }: { region: string; children: ReactNode }) {
  return <PhoneRegion.Provider value={region}>{children}</PhoneRegion.Provider>;
}

/** The tenant's region (for `historyLines`). */
export const usePhoneRegion = () => useContext(PhoneRegion);

/** `phoneAsRead` in the tenant's region. */
export function usePhoneAsRead(): (e164: string) => string {
  const region = usePhoneRegion();
  return useCallback((e164: string) => phoneAsRead(e164, region), [region]);
}
