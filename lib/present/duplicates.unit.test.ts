import { describe, expect, it } from 'vitest';
import { mergeHref, proposedSurvivor, reasonsText } from './duplicates';

describe('why two leads may be one person', () => {
  it('says every reason in one sentence', () => {
    const samePhone = [{ kind: 'same-phone', value: '447911123456', current: true }, { kind: 'similar-name', similarity: 1 }] as const;
    expect(reasonsText(samePhone, 'GB')).toBe('Same phone 07911 123456 and same name');
    expect(reasonsText(samePhone, 'US')).toBe('Same phone +44 7911 123456 and same name');
    expect(reasonsText([
      { kind: 'same-email', value: 'a@example.com', current: false },
      { kind: 'email-name', value: 'ana.lopez' },
      { kind: 'similar-name', similarity: 0.734 },
    ])).toBe('Same email a@example.com (one of them held it before), same mailbox name ana.lopez at another address and very similar name (73% alike)');
  });

  it('proposes the lead registered first as the survivor, and links to the merge screen', () => {
    const older = { leadId: 'a', createdAt: new Date('2026-01-01') };
    const newer = { leadId: 'b', createdAt: new Date('2026-02-01') };
    expect(proposedSurvivor(newer, older)).toEqual([older, newer]);
    expect(mergeHref('a', 'b')).toBe('/leads/a/merge?with=b');
  });
});
