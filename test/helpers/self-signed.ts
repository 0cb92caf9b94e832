// A throwaway self-signed certificate for 127.0.0.1, for tests of TLS trust (--ca-file, record's
// TLS listener). openssl is on every machine the tests run on.
import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

export interface SelfSigned {
  dir: string;
  keyFile: string;
  certFile: string;
}

export function selfSignedCert(prefix: string): SelfSigned {
  const dir = mkdtempSync(path.join(tmpdir(), prefix));
  const keyFile = path.join(dir, 'key.pem');
  const certFile = path.join(dir, 'cert.pem');
  execFileSync(
    'openssl',
    ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', keyFile, '-out', certFile, '-days', '1'].concat([
      '-subj',
      '/CN=127.0.0.1',
      '-addext',
      'subjectAltName=IP:127.0.0.1',
    ]),
    { stdio: 'ignore' },
  );
  return { dir, keyFile, certFile };
}
