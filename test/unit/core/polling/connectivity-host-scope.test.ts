import { describe, expect, it } from 'vitest';
import { isPrivateHost, scopeOfUrl } from '../../../../electron/core/polling/host-scope.ts';

describe('host scope: which answers can vouch for the Internet', () => {
  it.each([
    '127.0.0.1', '127.12.0.9', '10.1.2.3', '172.16.0.1', '172.31.255.255', '192.168.1.10', '169.254.169.254',
    '100.64.0.1', '0.0.0.0', '[::1]', '::1', 'fd12:3456::1', 'fc00::1', 'fe80::1', '[::ffff:7f00:1]', '::ffff:10.0.0.1',
    'localhost', 'LOCALHOST.', 'status.localhost', 'printer.local', 'status.corp.internal', 'nas.home.arpa', 'statuspage',
  ])('%s is private: its answer proves only the LAN', (host) => {
    expect(isPrivateHost(host)).toBe(true);
  });

  it.each([
    '8.8.8.8', '172.15.0.1', '172.32.0.1', '192.169.0.1', '100.128.0.1', '192.0.2.1', '2606:4700::6810:84e5', '::ffff:8.8.8.8',
    'www.githubstatus.com', 'status.vendor.invalid', 'localhost.example.com', 'internal.example.com', '',
  ])('%s is public', (host) => {
    expect(isPrivateHost(host)).toBe(false);
  });

  it('reads the scope from a URL, bracketed IPv6 included, and counts an unreadable URL as public', () => {
    expect(scopeOfUrl('http://127.0.0.1:8080/history.atom')).toBe('private');
    expect(scopeOfUrl('http://[::1]:8080/')).toBe('private');
    expect(scopeOfUrl('https://www.githubstatus.com')).toBe('public');
    expect(scopeOfUrl('not a url')).toBe('public');
    expect(scopeOfUrl('http://127.0.0.1/', () => false)).toBe('public');
  });
});
