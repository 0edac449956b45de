// RAM policy statements as write targets (src/model/policies.ts), shared by the Alibaba formats.
import { describe, expect, it } from 'vitest';
import { grantsPut, parseOssResource } from '../../src/model/policies.js';

describe('RAM policy write targets', () => {
  it('counts oss:PutObject and the wildcards covering it as a write grant, case-insensitively', () => {
    expect(['oss:PutObject', 'oss:*', 'oss:Put*', '*', 'OSS:putobject'].map(grantsPut)).toEqual([
      true,
      true,
      true,
      true,
      true,
    ]);
  });
  it('does not count read or delete actions', () => {
    expect(['oss:GetObject', 'oss:DeleteObject', 'oss:List*', 'log:*'].map(grantsPut)).toEqual([
      false,
      false,
      false,
      false,
    ]);
  });
  it('reads the bucket and object path of acs:oss resources', () => {
    expect(parseOssResource('acs:oss:*:*:media/*')).toEqual({ bucket: 'media', path: '*' });
    expect(parseOssResource('acs:oss:cn-hangzhou:123:media/out/*')).toEqual({ bucket: 'media', path: 'out/*' });
  });
  it('ignores resources that name no single bucket, or the bucket rather than its objects', () => {
    expect(
      ['*', 'acs:oss:*:*:*', 'acs:oss:*:*:media', 'acs:oss:*:*:med*/x', 'acs:log:*:*:project/*'].map(parseOssResource),
    ).toEqual([undefined, undefined, undefined, undefined, undefined]);
  });
});
