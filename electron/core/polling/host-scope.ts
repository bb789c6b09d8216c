import { isIPv4, isIPv6 } from 'node:net';

/**
 * Which side of the Internet a status page lives on. An answer from loopback or a private network
 * proves that this machine or the intranet works, not that the Internet is reachable: with the
 * Internet gone and an intranet status page still answering, every public vendor used to be
 * declared unreachable one by one (issue 8 §6). The connectivity tracker therefore lets only
 * public answers vouch for public hosts.
 */
export type HostScope = 'public' | 'private';

/**
 * True for a host that is not on the public Internet: loopback (127/8, ::1, `localhost` and
 * `*.localhost`, RFC 6761), private ranges (10/8, 172.16/12, 192.168/16, fc00::/7), link-local
 * (169.254/16, fe80::/10), carrier-grade NAT (100.64/10, RFC 6598: tailnets and ISP NAT, never
 * routed on the Internet), IPv4-mapped IPv6 forms of those, names reserved for local use
 * (`*.local` mDNS, `*.internal`, `*.home.arpa` RFC 8375) and single-label intranet names
 * (`http://status/`), which public DNS never serves.
 *
 * Decided from the name in the URL, because that is what a poll knows: the HTTP client does not
 * report the address that answered. Any other name counts as public, the safe side: a public
 * name served from an intranet (split-horizon DNS) can still flip us online, as before, but an
 * intranet name can never stand in for the Internet.
 */
export function isPrivateHost(hostname: string): boolean {
  const host = hostname.trim().toLowerCase().replace(/^\[(.*)\]$/, '$1').replace(/\.$/, '');
  if (host === '') return false;
  if (isIPv4(host)) return isPrivateIPv4(host);
  if (isIPv6(host)) return isPrivateIPv6(host);
  if (host === 'localhost' || !host.includes('.')) return true;
  return /\.(localhost|local|internal|home\.arpa)$/.test(host);
}

/** The scope of a URL's host; an unreadable URL counts as public (it never answers anyway). */
export function scopeOfUrl(url: string, isPrivate: (hostname: string) => boolean = isPrivateHost): HostScope {
  try {
    return isPrivate(new URL(url).hostname) ? 'private' : 'public';
  } catch {
    return 'public';
  }
}

function isPrivateIPv4(address: string): boolean {
  const [a = -1, b = -1] = address.split('.').map(Number);
  return a === 127 || a === 10 || a === 0
    || (a === 172 && b >= 16 && b <= 31)
    || (a === 192 && b === 168)
    || (a === 169 && b === 254)
    || (a === 100 && b >= 64 && b <= 127);
}

function isPrivateIPv6(address: string): boolean {
  const words = ipv6Words(address);
  if (!words) return false;
  const [first = 0] = words;
  if (words.every((w, i) => w === (i === 7 ? 1 : 0))) return true; // ::1
  if (words.slice(0, 5).every((w) => w === 0) && words[5] === 0xffff) {
    const high = words[6] ?? 0;
    const low = words[7] ?? 0;
    return isPrivateIPv4(`${high >> 8}.${high & 0xff}.${low >> 8}.${low & 0xff}`);
  }
  return (first & 0xfe00) === 0xfc00 || (first & 0xffc0) === 0xfe80;
}

/** The eight 16-bit words of an IPv6 address (with `::` and a dotted IPv4 tail expanded), or null. */
function ipv6Words(address: string): number[] | null {
  let text = address.split('%')[0] ?? '';
  const dotted = /(\d+\.\d+\.\d+\.\d+)$/.exec(text)?.[1];
  if (dotted) {
    const [a = 0, b = 0, c = 0, d = 0] = dotted.split('.').map(Number);
    text = `${text.slice(0, -dotted.length)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const [head = '', tail] = text.split('::');
  const parse = (part: string): number[] => (part === '' ? [] : part.split(':').map((h) => parseInt(h, 16)));
  const left = parse(head);
  const right = tail === undefined ? [] : parse(tail);
  const missing = 8 - left.length - right.length;
  if (missing < 0 || (tail === undefined && missing !== 0)) return null;
  const words = [...left, ...Array<number>(missing).fill(0), ...right];
  return words.every((w) => Number.isInteger(w) && w >= 0 && w <= 0xffff) ? words : null;
}
