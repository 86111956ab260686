// The keyboard shortcuts of the agent's pages and the rules for when a key press is one: never while
// the agent types in a field, never with Ctrl, Alt or Meta (those belong to the browser).

export const SHORTCUTS = [
  { key: '/', description: 'Search leads' },
  { key: 'n', description: 'Next lead to call' },
  { key: 'j', description: 'Next lead of the list or queue the lead was opened from' },
  { key: 'k', description: 'Previous lead of that list or queue' },
  { key: 'e', description: 'Edit the lead (its details)' },
  { key: 'c', description: 'Record the call outcome' },
  { key: '?', description: 'Show these shortcuts' },
] as const;

export type ShortcutKey = (typeof SHORTCUTS)[number]['key'];

/** What the rules need of a key press: the key, the modifiers held and where the focus was. */
export type KeyPress = {
  readonly key: string;
  readonly ctrlKey: boolean;
  readonly altKey: boolean;
  readonly metaKey: boolean;
  readonly target: { readonly tagName?: string; readonly isContentEditable?: boolean } | null;
};

const TYPING_TAGS = new Set(['INPUT', 'TEXTAREA', 'SELECT']);
const KEYS = new Set<string>(SHORTCUTS.map((shortcut) => shortcut.key));

/** Whether the focus is where the agent types, so that letters are text and not shortcuts. */
export const isTyping = (target: KeyPress['target']) =>
  Boolean(target && (TYPING_TAGS.has(target.tagName ?? '') || target.isContentEditable));

/** The shortcut a key press asks for, or null when it is none (Shift is allowed: `?` needs it). */
export function shortcutOf(press: KeyPress): ShortcutKey | null {
  if (press.ctrlKey || press.altKey || press.metaKey) return null;
  if (isTyping(press.target)) return null;
  return KEYS.has(press.key) ? (press.key as ShortcutKey) : null;
}
