import type os from 'node:os';
import { allowedHostsFrom, hostNameOf, isHostAllowed, isLoopbackAddress } from './allowed-hosts';
import { exposureWarning } from './exposure-warning';
import { ConfigError } from './parse-env';

describe('allowed host names (DNS rebinding)', () => {
  it('answers to the loopback names by default, on any port', () => {
    const allowed = allowedHostsFrom(undefined, '127.0.0.1');
    for (const host of ['localhost:3000', 'LOCALHOST', '127.0.0.1:3000', '[::1]:3000', 'localhost.:3000']) {
      expect({ host, allowed: isHostAllowed(host, allowed) }).toEqual({ host, allowed: true });
    }
    for (const host of ['rebind.attacker.example:3000', '127.0.0.1.nip.io', 'localhost.attacker.example', '', undefined]) {
      expect({ host, allowed: isHostAllowed(host, allowed) }).toEqual({ host, allowed: false });
    }
  });

  it('adds the configured names (".domain" for its subdomains) and the one address it listens on', () => {
    const allowed = allowedHostsFrom(' rolemap.example.com, .corp.example ,10.0.0.7, ::1', '192.168.1.20');
    expect(allowed).toEqual([
      'localhost',
      '127.0.0.1',
      '[::1]',
      'rolemap.example.com',
      '.corp.example',
      '10.0.0.7',
      '192.168.1.20',
    ]);
    expect(isHostAllowed('rolemap.example.com:8080', allowed)).toBe(true);
    expect(isHostAllowed('hr.corp.example', allowed)).toBe(true);
    expect(isHostAllowed('corp.example', allowed)).toBe(true);
    expect(isHostAllowed('evilcorp.example', allowed)).toBe(false);
    expect(isHostAllowed('192.168.1.20:3000', allowed)).toBe(true);
    // Every interface is not a name a browser sends.
    expect(allowedHostsFrom(undefined, '0.0.0.0')).toEqual(['localhost', '127.0.0.1', '[::1]']);
  });

  it('refuses entries that are not host names, saying which', () => {
    expect(() => allowedHostsFrom('https://rolemap.example.com', '127.0.0.1')).toThrow(ConfigError);
    expect(() => allowedHostsFrom('rolemap.example.com:3000', '127.0.0.1')).toThrow(
      /"rolemap.example.com:3000" is not a host name/,
    );
  });

  it('reads the name out of a Host header', () => {
    expect(hostNameOf('Example.COM:3000')).toBe('example.com');
    expect(hostNameOf('[::1]:3000')).toBe('[::1]');
    expect(hostNameOf('[::1')).toBeNull();
    expect(hostNameOf(' ')).toBeNull();
  });
});

describe('the warning when HOST is not loopback', () => {
  const interfaces = {
    lo: [
      {
        address: '127.0.0.1',
        netmask: '255.0.0.0',
        family: 'IPv4',
        mac: '00:00:00:00:00:00',
        internal: true,
        cidr: '127.0.0.1/8',
      },
    ],
    eth0: [
      {
        address: '192.168.1.20',
        netmask: '255.255.255.0',
        family: 'IPv4',
        mac: '02:42:ac:11:00:02',
        internal: false,
        cidr: '192.168.1.20/24',
      },
      {
        address: 'fe80::42:acff:fe11:2',
        netmask: 'ffff:ffff:ffff:ffff::',
        family: 'IPv6',
        mac: '02:42:ac:11:00:02',
        internal: false,
        cidr: 'fe80::42:acff:fe11:2/64',
        scopeid: 2,
      },
    ],
  } satisfies ReturnType<typeof os.networkInterfaces>;

  it('says nothing on loopback', () => {
    for (const host of ['127.0.0.1', 'localhost', '::1', '[::1]', '127.0.0.2'])
      expect(exposureWarning(host, 3000, [], interfaces)).toBeNull();
    expect(isLoopbackAddress('10.0.0.1')).toBe(false);
  });

  it('names every address other machines can reach on all interfaces', () => {
    const lines = exposureWarning('0.0.0.0', 3000, ['localhost', '127.0.0.1', '[::1]'], interfaces)!;
    const text = lines.join('\n');
    expect(text).toMatch(/WARNING: HOST=0\.0\.0\.0: rolemap is reachable from other machines at/);
    expect(text).toContain('  http://192.168.1.20:3000');
    expect(text).toContain('  http://[fe80::42:acff:fe11:2]:3000');
    expect(text).not.toContain('127.0.0.1:3000');
    expect(text).toMatch(/Every request needs sign-in, but this is plain HTTP/);
    expect(text).toMatch(/Browsers must use one of these host names: localhost, 127\.0\.0\.1, \[::1\]/);
  });

  it('names the one address when HOST is one', () => {
    expect(exposureWarning('192.168.1.20', 8080, [], interfaces)!.join('\n')).toContain('  http://192.168.1.20:8080');
  });
});
