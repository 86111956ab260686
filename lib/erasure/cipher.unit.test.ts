import { describe, expect, it } from 'vitest';
import { decryptValue, encryptValue, isEnvelope, newDataKey, unwrapKey, wrapKey } from './cipher';
import { parseMasterKey } from './master-key';
import { mapPaths, valuesAt } from './paths';

describe('sealing a personal value', () => {
  const key = newDataKey();
  it('stores an envelope that holds no trace of the value and opens to it again', () => {
    const sealed = encryptValue(key, 'Ada Lovelace', 'lead-1');
    expect(isEnvelope(sealed)).toBe(true);
    expect(sealed).not.toContain('Ada');
    expect(decryptValue(key, sealed, 'lead-1')).toBe('Ada Lovelace');
  });
  it('seals the same value differently each time', () => {
    expect(encryptValue(key, 'x', 'lead-1')).not.toBe(encryptValue(key, 'x', 'lead-1'));
  });
  it('draws every key and IV afresh, none repeated and none all zeros, across many refills of the random pool', () => {
    const keys = Array.from({ length: 20_000 }, () => newDataKey().toString('hex'));
    const ivs = Array.from({ length: 20_000 }, () => Buffer.from(encryptValue(key, 'x', 'lead-1').slice('enc:v1:'.length), 'base64').subarray(0, 12).toString('hex'));
    expect(new Set(keys).size).toBe(keys.length);
    expect(new Set(ivs).size).toBe(ivs.length);
    expect(keys.every((hex) => hex.length === 64 && hex !== '0'.repeat(64))).toBe(true);
  });
  it('refuses to open under another key or in another stream', () => {
    const sealed = encryptValue(key, 'Ada', 'lead-1');
    expect(() => decryptValue(newDataKey(), sealed, 'lead-1')).toThrow();
    expect(() => decryptValue(key, sealed, 'lead-2')).toThrow();
  });
});

describe('wrapping a data key', () => {
  const master = newDataKey();
  it('unwraps to the same key for the same owner only', () => {
    const key = newDataKey();
    const wrapped = wrapKey(master, key, 't/lead-1');
    expect(unwrapKey(master, wrapped, 't/lead-1').equals(key)).toBe(true);
    expect(() => unwrapKey(master, wrapped, 't/lead-2')).toThrow();
    expect(() => unwrapKey(newDataKey(), wrapped, 't/lead-1')).toThrow();
  });
  it('takes a master key of 32 bytes in hex or base64, and refuses any other', () => {
    expect(parseMasterKey('ab'.repeat(32))).toHaveLength(32);
    expect(parseMasterKey(Buffer.alloc(32, 7).toString('base64'))).toHaveLength(32);
    expect(() => parseMasterKey('short')).toThrow(/LEADSTREAM_MASTER_KEY/);
  });
});

describe('personal paths', () => {
  const data = { name: 'Ada', phones: [{ e164: '+447700900001', raw: '07700 900001' }], emails: ['a@x.test'], source: 'web', note: null };
  const paths = ['name', 'phones[].e164', 'phones[].raw', 'emails[]', 'note'];
  it('finds every value at the paths, and nothing else', () => {
    expect(valuesAt(data, paths)).toEqual(['Ada', '+447700900001', '07700 900001', 'a@x.test']);
  });
  it('changes those values in a copy, leaving the rest and the original as they were', () => {
    const changed = mapPaths(data, paths, (value) => value.toUpperCase());
    expect(changed).toEqual({ name: 'ADA', phones: [{ e164: '+447700900001', raw: '07700 900001' }], emails: ['A@X.TEST'], source: 'web', note: null });
    expect(data.name).toBe('Ada');
  });
});
