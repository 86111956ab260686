import { describe, expect, it } from 'vitest';
import { SHORTCUTS, shortcutOf, type KeyPress } from './keys';

const press = (key: string, change: Partial<KeyPress> = {}): KeyPress => ({
  key, ctrlKey: false, altKey: false, metaKey: false, target: { tagName: 'BODY', isContentEditable: false }, ...change,
});

describe('a key press on the page', () => {
  it.each(SHORTCUTS.map((shortcut) => shortcut.key))('is the shortcut %s', (key) => {
    expect(shortcutOf(press(key))).toBe(key);
  });

  it('is a shortcut from a button or a link, where nobody types', () => {
    expect(shortcutOf(press('j', { target: { tagName: 'BUTTON' } }))).toBe('j');
    expect(shortcutOf(press('c', { target: { tagName: 'A' } }))).toBe('c');
  });

  it('is no shortcut for any other key, nor for a capital letter', () => {
    expect(shortcutOf(press('x'))).toBeNull();
    expect(shortcutOf(press('J'))).toBeNull();
    expect(shortcutOf(press('Enter'))).toBeNull();
  });
});

describe('while the agent types', () => {
  it.each(['INPUT', 'TEXTAREA', 'SELECT'])('a key in a %s is text, not a shortcut', (tagName) => {
    expect(shortcutOf(press('n', { target: { tagName } }))).toBeNull();
    expect(shortcutOf(press('/', { target: { tagName } }))).toBeNull();
  });

  it('a key in an editable element is text', () => {
    expect(shortcutOf(press('e', { target: { tagName: 'DIV', isContentEditable: true } }))).toBeNull();
  });
});

describe('with a modifier held', () => {
  it.each(['ctrlKey', 'altKey', 'metaKey'] as const)('%s leaves the key to the browser', (modifier) => {
    expect(shortcutOf(press('k', { [modifier]: true }))).toBeNull();
  });
});
