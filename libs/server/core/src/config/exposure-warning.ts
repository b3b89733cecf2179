import os from 'node:os';
import { isLoopbackAddress, isWildcardAddress } from './allowed-hosts';

type Interfaces = ReturnType<typeof os.networkInterfaces>;

/**
 * The lines to print when the server listens beyond loopback, naming the addresses other machines
 * can reach it at; null on loopback. Every request needs sign-in, but over plain HTTP passwords
 * and session cookies cross the network in the clear, so this must not go unnoticed.
 */
export function exposureWarning(
  host: string,
  port: number,
  allowedHosts: readonly string[],
  interfaces: Interfaces = os.networkInterfaces(),
): string[] | null {
  if (isLoopbackAddress(host)) return null;
  const addresses = isWildcardAddress(host) ? externalAddresses(interfaces) : [host];
  const urls = addresses.map((address) => `http://${address.includes(':') ? `[${address}]` : address}:${port}`);
  const bar = '!'.repeat(78);
  return [
    bar,
    `WARNING: HOST=${host}: rolemap is reachable from other machines${urls.length ? ' at' : ''}`,
    ...urls.map((url) => `  ${url}`),
    ...(urls.length ? [] : ['  (no network interface has an address yet; any it gets later is served too)']),
    'Every request needs sign-in, but this is plain HTTP: passwords and session cookies cross the',
    'network readable. Serve it behind HTTPS (a reverse proxy), or keep HOST=127.0.0.1 (the default).',
    `Browsers must use one of these host names: ${allowedHosts.join(', ')} (ROLEMAP_ALLOWED_HOSTS adds more).`,
    bar,
  ];
}

function externalAddresses(interfaces: Interfaces): string[] {
  return Object.values(interfaces)
    .flatMap((entries) => entries ?? [])
    .filter((entry) => !entry.internal)
    .map((entry) => entry.address);
}
