/**
 * Connection options: flags over environment over defaults, credentials moved out of the URI, and the
 * password never appearing in anything printed — including the error of a server that is not there.
 */
import { freePort } from '../../scripts/lib/neo4j-server.js';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/errors.js';
import { connect, describeTarget, redactSecrets, redactUri, resolveConnection, storeError } from '../../src/neo4j/connection.js';

describe('resolveConnection', () => {
  it('uses the defaults when nothing is given: local server, no auth, database neo4j, namespace default', () => {
    expect(resolveConnection({}, {})).toEqual({ uri: 'bolt://127.0.0.1:7687', database: 'neo4j', namespace: 'default' });
  });

  it('takes NEO4J_URI, NEO4J_USER, NEO4J_PASSWORD and NEO4J_DATABASE from the environment, and flags over them', () => {
    const env = { NEO4J_URI: 'neo4j+s://db.example.go.id', NEO4J_USER: 'reader', NEO4J_PASSWORD: 'env-secret', NEO4J_DATABASE: 'spbe' };
    expect(resolveConnection({}, env)).toEqual({ uri: 'neo4j+s://db.example.go.id', user: 'reader', password: 'env-secret', database: 'spbe', namespace: 'default' });
    expect(resolveConnection({ uri: 'bolt://10.0.0.5:7687', user: 'writer', password: 'flag-secret', database: 'neo4j', namespace: 'kota-bandung' }, env)).toEqual({
      uri: 'bolt://10.0.0.5:7687',
      user: 'writer',
      password: 'flag-secret',
      database: 'neo4j',
      namespace: 'kota-bandung',
    });
  });

  it('moves credentials out of the URI (decoded), so the URI it keeps is safe to print', () => {
    const conn = resolveConnection({ uri: 'bolt://admin:p%40ss%3Aword@db.local:7687' }, {});
    expect(conn).toEqual({ uri: 'bolt://db.local:7687', user: 'admin', password: 'p@ss:word', database: 'neo4j', namespace: 'default' });
  });

  it('assumes the user "neo4j" when only a password is given', () => {
    expect(resolveConnection({}, { NEO4J_PASSWORD: 's3cret' }).user).toBe('neo4j');
  });

  it('refuses a URI that is not a Neo4j URI, without echoing its password', () => {
    let error: unknown;
    try {
      resolveConnection({ uri: 'http://admin:hunter2@db.local:7474' }, {});
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(InputError);
    expect((error as Error).message).toMatch(/scheme "http" is not a Neo4j scheme/);
    expect((error as Error).message).toContain('http://admin:***@db.local:7474');
    expect((error as Error).message).not.toContain('hunter2');
  });

  it('refuses an empty namespace', () => {
    expect(() => resolveConnection({ namespace: ' ' }, {})).toThrow(/namespace is empty/);
  });
});

describe('redaction', () => {
  it('hides the password of a URI and leaves a URI without one alone', () => {
    expect(redactUri('neo4j://alice:wonderland@host:7687')).toBe('neo4j://alice:***@host:7687');
    expect(redactUri('bolt://alice@host:7687')).toBe('bolt://alice@host:7687');
    expect(redactUri('bolt://host:7687')).toBe('bolt://host:7687');
  });

  it('removes the password, raw or URI-encoded, and URI credentials from any text', () => {
    const text = 'auth failed for bolt://bob:pa ss@h:1 with "pa ss" (pa%20ss)';
    expect(redactSecrets(text, { password: 'pa ss' })).toBe('auth failed for bolt://bob:***@h:1 with "***" (***)');
  });

  it('describes a target without its password', () => {
    const conn = resolveConnection({ uri: 'bolt://bob:topsecret@h:7687', namespace: 'ns' }, {});
    expect(describeTarget(conn)).toBe('bolt://h:7687 (database "neo4j", namespace "ns" as bob)');
  });
});

describe('connect', () => {
  it('turns an unreachable server into an InputError naming the target and the fix, with no password in it', async () => {
    const port = await freePort();
    const conn = resolveConnection({ uri: `bolt://127.0.0.1:${port}`, user: 'neo4j', password: 'do-not-print-me' }, {});
    const attempt = connect(conn, { connectionTimeoutMs: 2_000, maxTransactionRetryTimeMs: 0 });
    await expect(attempt).rejects.toBeInstanceOf(InputError);
    const error = (await attempt.catch((e: unknown) => e)) as InputError;
    expect(error.issues[0]!.file).toBe(`bolt://127.0.0.1:${port} (database "neo4j", namespace "default" as neo4j)`);
    expect(error.issues[0]!.fix).toMatch(/neo4j:start/);
    expect(JSON.stringify(error.issues)).not.toContain('do-not-print-me');
  });

  it('redacts a password that a server error happens to quote', () => {
    const conn = resolveConnection({ password: 'quoted-secret' }, {});
    const error = storeError(Object.assign(new Error('bad token quoted-secret'), { code: 'Neo.ClientError.Security.Unauthorized' }), conn, 'pushing');
    expect(error.message).toContain('pushing failed: bad token *** (Neo.ClientError.Security.Unauthorized)');
    expect(error.message).not.toContain('quoted-secret');
    expect(error.issues[0]!.fix).toMatch(/--user \/ --password/);
  });
});

