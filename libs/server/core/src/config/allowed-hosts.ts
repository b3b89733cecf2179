import net from 'node:net';
import { ConfigError } from './parse-env';

/** Names that always reach this machine's loopback: a page elsewhere cannot make a browser send them. */
export const LOOPBACK_HOST_NAMES = ['localhost', '127.0.0.1', '[::1]'] as const;

const HOST_NAME = /^\.?[a-z0-9-]+(\.[a-z0-9-]+)*$/;

/**
 * The Host header values to answer: the loopback names, the names in ROLEMAP_ALLOWED_HOSTS
 * (comma-separated; ".example.com" also allows its subdomains) and the address the server
 * listens on when that is one address rather than every interface.
 */
export function allowedHostsFrom(raw: string | undefined, listenHost: string): string[] {
  const hosts = new Set<string>(LOOPBACK_HOST_NAMES);
  for (const entry of (raw ?? '').split(',')) {
    const name = entry.trim().toLowerCase().replace(/\.$/, '');
    if (!name) continue;
    const literal = bracketed(name);
    if (!literal && !HOST_NAME.test(name)) {
      throw new ConfigError(
        `ROLEMAP_ALLOWED_HOSTS: "${entry.trim()}" is not a host name; list names or addresses without scheme or port, e.g. rolemap.example.com,192.168.1.20`,
      );
    }
    hosts.add(literal ?? name);
  }
  if (!isWildcardAddress(listenHost)) hosts.add(bracketed(listenHost.toLowerCase()) ?? listenHost.toLowerCase());
  return [...hosts];
}

/** True when the request's Host header names one of `allowed` (any port). */
export function isHostAllowed(hostHeader: string | undefined, allowed: readonly string[]): boolean {
  const name = hostNameOf(hostHeader);
  if (!name) return false;
  return allowed.some((entry) => entry === name || (entry.startsWith('.') && (name === entry.slice(1) || name.endsWith(entry))));
}

/** "Example.com:3000" → "example.com"; "[::1]:3000" → "[::1]"; "localhost." → "localhost". */
export function hostNameOf(hostHeader: string | undefined): string | null {
  const value = hostHeader?.trim().toLowerCase();
  if (!value) return null;
  if (value.startsWith('[')) {
    const end = value.indexOf(']');
    return end > 0 ? value.slice(0, end + 1) : null;
  }
  const name = value.replace(/:\d*$/, '').replace(/\.$/, '');
  return name || null;
}

export function isWildcardAddress(host: string): boolean {
  return host === '0.0.0.0' || host === '::' || host === '[::]' || host === '';
}

export function isLoopbackAddress(host: string): boolean {
  const address = host.replace(/^\[|\]$/g, '').toLowerCase();
  if (address === 'localhost') return true;
  if (net.isIPv4(address)) return address.startsWith('127.');
  return address === '::1' || address.startsWith('::ffff:127.');
}

/** An IPv6 address as the Host header writes it ("[::1]"), or null when `name` is not IPv6. */
function bracketed(name: string): string | null {
  const address = name.replace(/^\[|\]$/g, '');
  return net.isIPv6(address) ? `[${address}]` : null;
}
