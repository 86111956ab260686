'use client';
import { useId, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import { flushSync } from 'react-dom';
import { useShortcut } from '@/components/shortcuts/shortcuts-provider';
import styles from './lead.module.css';

const TABS = [
  { id: 'details', label: 'Details' },
  { id: 'history', label: 'History' },
] as const;
export type LeadTab = (typeof TABS)[number]['id'];

/**
 * Details and History as tabs (arrow keys move between them); the URL keeps the open one. The key
 * `e` opens Details and puts the focus on its first editor.
 */
export function LeadTabs({ initial, details, history }: { initial: LeadTab; details: ReactNode; history: ReactNode }) {
  const [active, setActive] = useState<LeadTab>(initial);
  const refs = useRef<Record<string, HTMLButtonElement | null>>({});
  const id = useId();
  const detailsPanel = useRef<HTMLDivElement>(null);
  const panels: Record<LeadTab, ReactNode> = { details, history };

  const open = (tab: LeadTab) => {
    setActive(tab);
    const url = new URL(window.location.href);
    if (tab === 'details') url.searchParams.delete('tab');
    else url.searchParams.set('tab', tab);
    window.history.replaceState(window.history.state, '', url);
  };
  useShortcut('e', () => {
    flushSync(() => open('details'));
    detailsPanel.current?.querySelector<HTMLElement>('button, input, select, textarea')?.focus();
  });
  const onKeyDown = (event: KeyboardEvent) => {
    const index = TABS.findIndex((tab) => tab.id === active);
    const step = event.key === 'ArrowRight' ? 1 : event.key === 'ArrowLeft' ? -1 : 0;
    if (!step) return;
    event.preventDefault();
    const next = TABS[(index + step + TABS.length) % TABS.length]!.id;
    open(next);
    refs.current[next]?.focus();
  };

  return (
    <>
      <div role="tablist" aria-label="Lead" className={styles.tabs} onKeyDown={onKeyDown}>
        {TABS.map((tab) => (
          <button
            key={tab.id}
            ref={(element) => {
              refs.current[tab.id] = element;
            }}
            type="button"
            role="tab"
            id={`${id}-${tab.id}-tab`}
            aria-selected={active === tab.id}
            aria-controls={`${id}-${tab.id}-panel`}
            tabIndex={active === tab.id ? 0 : -1}
            className={styles.tab}
            onClick={() => open(tab.id)}
          >
            {tab.label}
          </button>
        ))}
      </div>
      {TABS.map((tab) => (
        <div key={tab.id} ref={tab.id === 'details' ? detailsPanel : undefined} role="tabpanel" id={`${id}-${tab.id}-panel`} aria-labelledby={`${id}-${tab.id}-tab`} hidden={active !== tab.id} className={styles.panel}>
          {panels[tab.id]}
        </div>
      ))}
    </>
  );
}
