// A self-signed certificate for 127.0.0.1, made with the openssl command line: Node's crypto can
// make keys but not X.509 certificates, and no certificate library is installed. Tests serve the
// local OpenID provider over HTTPS with it (MSAL accepts only https authorities) and trust exactly it.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Agent, fetch as undiciFetch } from 'undici';

export interface SelfSignedCertificate {
  key: string;
  cert: string;
  /** fetch that trusts this certificate (and nothing else it would not trust anyway). */
  fetch: typeof fetch;
}

export function selfSignedCertificate(): SelfSignedCertificate {
  const dir = mkdtempSync(path.join(tmpdir(), 'csp-tls-'));
  try {
    const keyFile = path.join(dir, 'key.pem');
    const certFile = path.join(dir, 'cert.pem');
    execFileSync(
      'openssl',
      ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', keyFile, '-out', certFile, '-days', '1', '-subj', '/CN=127.0.0.1', '-addext', 'subjectAltName=IP:127.0.0.1'],
      { stdio: 'ignore' },
    );
    const key = readFileSync(keyFile, 'utf8');
    const cert = readFileSync(certFile, 'utf8');
    const dispatcher = new Agent({ connect: { ca: cert } });
    const trusting = ((input: Parameters<typeof fetch>[0], init?: RequestInit) =>
      undiciFetch(input as never, { ...(init as object), dispatcher } as never)) as unknown as typeof fetch;
    return { key, cert, fetch: trusting };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
