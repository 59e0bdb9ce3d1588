import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CONFIG_KEYS, ConfigError, dataDir, helpText, parseConfig, parseEnvFile, withEnvFile, type Config } from '../src/config.js';
import { parseTimestamp } from '../src/domain/time.js';

const TOKEN = `ics-${'a'.repeat(40)}-${'0123456789'.repeat(4)}`;

/** Runs parseConfig and returns the ConfigError it throws (failing when it throws none). */
function configError(argv: string[], env: Record<string, string | undefined> = {}): ConfigError {
  try {
    parseConfig(argv, env);
  } catch (err) {
    if (err instanceof ConfigError) return err;
    throw err;
  }
  throw new Error(`expected a ConfigError for ${JSON.stringify({ argv, env })}`);
}

describe('parseConfig', () => {
  describe('defaults', () => {
    it('gives the documented defaults with no env and no flags', () => {
      expect(parseConfig([], {})).toEqual<Config>({
        host: '127.0.0.1',
        httpsPort: 8443,
        httpPort: 8080,
        db: './data/center.db',
        scenario: 'default',
        seed: undefined,
        token: undefined,
        adminKey: undefined,
        now: undefined,
        logLevel: 'info',
        logFormat: 'auto',
        tlsHostnames: [],
        reset: false,
        trafficRate: 0,
        control: true,
        journalSize: 1000,
        help: false,
      });
    });

    it('ignores unrelated and empty environment variables', () => {
      const config = parseConfig([], { PATH: '/usr/bin', CCV_TOKEN: '', CCV_HOST: '' });
      expect(config.token).toBeUndefined();
      expect(config.host).toBe('127.0.0.1');
    });
  });

  describe('environment', () => {
    it('reads every CCV_ variable', () => {
      const config = parseConfig([], {
        CCV_HOST: '0.0.0.0',
        CCV_HTTPS_PORT: '9443',
        CCV_HTTP_PORT: '9080',
        CCV_DB: '/var/lib/ccv/world.db',
        CCV_SCENARIO: 'small',
        CCV_SEED: '42',
        CCV_TOKEN: TOKEN,
        CCV_ADMIN_KEY: 'let-me-in',
        CCV_NOW: '2024-05-01T12:00:00.123456Z',
        CCV_LOG_LEVEL: 'debug',
        CCV_LOG_FORMAT: 'json',
        CCV_TLS_HOSTNAMES: 'ccv.example.com, 10.0.0.5,,fe80::1',
        CCV_RESET: '1',
        CCV_TRAFFIC_RATE: '12.5',
        CCV_CONTROL: 'off',
      });
      expect(config).toEqual<Config>({
        host: '0.0.0.0',
        httpsPort: 9443,
        httpPort: 9080,
        db: '/var/lib/ccv/world.db',
        scenario: 'small',
        seed: 42,
        token: TOKEN,
        adminKey: 'let-me-in',
        now: Date.UTC(2024, 4, 1, 12, 0, 0) * 1000 + 123456,
        logLevel: 'debug',
        logFormat: 'json',
        tlsHostnames: ['ccv.example.com', '10.0.0.5', 'fe80::1'],
        reset: true,
        trafficRate: 12.5,
        control: false,
        journalSize: 1000,
        help: false,
      });
    });

    it('reads CCV_NOW with an offset as the same instant in UTC', () => {
      expect(parseConfig([], { CCV_NOW: '2015-07-09T14:17:11.370164+02:00' }).now).toBe(
        parseTimestamp('2015-07-09T12:17:11.370164Z'),
      );
    });

    it('treats CCV_RESET=0 as false', () => {
      expect(parseConfig([], { CCV_RESET: '0' }).reset).toBe(false);
    });
  });

  describe('flags', () => {
    it('override the environment', () => {
      const config = parseConfig(['--host', '::', '--https-port', '1443', '--scenario', 'large', '--log-level', 'warn'], {
        CCV_HOST: '0.0.0.0',
        CCV_HTTPS_PORT: '9443',
        CCV_SCENARIO: 'small',
        CCV_LOG_LEVEL: 'debug',
        CCV_HTTP_PORT: '9080',
      });
      expect(config.host).toBe('::');
      expect(config.httpsPort).toBe(1443);
      expect(config.scenario).toBe('large');
      expect(config.logLevel).toBe('warn');
      expect(config.httpPort).toBe(9080); // no flag: the env value stands
    });

    it('accept --flag=value', () => {
      const config = parseConfig(['--db=:memory:', '--seed=7', `--token=${TOKEN}`, '--now=2020-07-23T08:46:05.81718Z', '--tls-hostnames=a.test,b.test'], {});
      expect(config.db).toBe(':memory:');
      expect(config.seed).toBe(7);
      expect(config.token).toBe(TOKEN);
      expect(config.now).toBe(Date.UTC(2020, 6, 23, 8, 46, 5) * 1000 + 817180);
      expect(config.tlsHostnames).toEqual(['a.test', 'b.test']);
    });

    it('keep everything after the first = in the value', () => {
      expect(parseConfig(['--admin-key=a=b=c'], {}).adminKey).toBe('a=b=c');
    });

    it('let the last of a repeated flag win', () => {
      expect(parseConfig(['--http-port', '1', '--http-port', '2'], {}).httpPort).toBe(2);
    });

    it('--reset is a switch that takes no value', () => {
      const config = parseConfig(['--reset', '--scenario', 'small'], {});
      expect(config.reset).toBe(true);
      expect(config.scenario).toBe('small');
    });

    it('--reset=false overrides CCV_RESET=1', () => {
      expect(parseConfig(['--reset=false'], { CCV_RESET: '1' }).reset).toBe(false);
    });

    it('--help and -h set help', () => {
      expect(parseConfig(['--help'], {}).help).toBe(true);
      expect(parseConfig(['-h'], {}).help).toBe(true);
    });
  });

  describe('ports', () => {
    it('accepts 0, which turns a listener off', () => {
      const config = parseConfig(['--https-port', '0'], { CCV_HTTP_PORT: '0' });
      expect(config.httpsPort).toBe(0);
      expect(config.httpPort).toBe(0);
    });

    it('accepts 65535', () => {
      expect(parseConfig(['--http-port=65535'], {}).httpPort).toBe(65535);
    });

    it.each([['65536'], ['-1'], ['80.5'], ['http'], ['0x50']])('rejects CCV_HTTPS_PORT=%s', (value) => {
      const err = configError([], { CCV_HTTPS_PORT: value });
      expect(err.key).toBe('CCV_HTTPS_PORT');
      expect(err.message).toContain('CCV_HTTPS_PORT');
      expect(err.message).toContain('0 to 65535');
    });

    it('names the flag when the bad port came from a flag', () => {
      const err = configError(['--http-port', '99999'], { CCV_HTTP_PORT: '8080' });
      expect(err.key).toBe('--http-port');
      expect(err.message).toMatch(/^Invalid --http-port \(CCV_HTTP_PORT\) = "99999"/);
    });
  });

  describe('invalid input', () => {
    it.each([['-3'], ['1.5'], ['seven'], ['4294967296']])('rejects CCV_SEED=%s', (value) => {
      const err = configError([], { CCV_SEED: value });
      expect(err.key).toBe('CCV_SEED');
      expect(err.message).toContain('CCV_SEED');
    });

    it.each([
      ['too short', 'ics-abc-def'],
      ['uppercase hex', `ics-${'A'.repeat(40)}-${'0'.repeat(40)}`],
      ['wrong prefix', `tok-${'a'.repeat(40)}-${'0'.repeat(40)}`],
    ])('rejects a token that is %s, without echoing it', (_why, token) => {
      const err = configError(['--token', token], {});
      expect(err.key).toBe('--token');
      expect(err.message).toContain('--token');
      expect(err.message).not.toContain(token);
    });

    it.each([['yesterday'], ['2024-13-01T00:00:00Z'], ['2024-02-30']])('rejects CCV_NOW=%s', (value) => {
      const err = configError([], { CCV_NOW: value });
      expect(err.key).toBe('CCV_NOW');
      expect(err.message).toContain('CCV_NOW');
      expect(err.message).toContain('RFC 3339');
    });

    it('rejects an unknown log level', () => {
      expect(configError(['--log-level', 'verbose'], {}).key).toBe('--log-level');
    });

    it('rejects a scenario that is a path', () => {
      expect(configError([], { CCV_SCENARIO: '../etc/passwd' }).key).toBe('CCV_SCENARIO');
    });

    it('rejects a scenario that seeds/ does not hold, naming those it does', () => {
      const err = configError(['--scenario', 'huge'], {});
      expect(err.key).toBe('--scenario');
      expect(err.message).toBe('Invalid --scenario (CCV_SCENARIO) = "huge": must be one of the scenarios in seeds/: default, large, small');
    });

    it('rejects a TLS hostname that is neither a name nor an address', () => {
      const err = configError([], { CCV_TLS_HOSTNAMES: 'ok.test,bad name' });
      expect(err.key).toBe('CCV_TLS_HOSTNAMES');
      expect(err.message).toContain('"bad name"');
    });

    it('rejects a CCV_RESET that is not a boolean', () => {
      expect(configError([], { CCV_RESET: 'maybe' }).key).toBe('CCV_RESET');
    });

    it('reports every bad key, naming the first', () => {
      const err = configError([], { CCV_HTTP_PORT: 'x', CCV_SEED: 'y' });
      expect(err.key).toBe('CCV_HTTP_PORT');
      expect(err.message).toContain('CCV_HTTP_PORT');
      expect(err.message).toContain('CCV_SEED');
    });
  });

  describe('the command line', () => {
    it('rejects an unknown flag, naming it', () => {
      const err = configError(['--port', '80'], {});
      expect(err).toBeInstanceOf(ConfigError);
      expect(err.key).toBe('--port');
      expect(err.message).toContain('--port');
    });

    it('rejects an unknown flag written --flag=value, naming only the flag', () => {
      expect(configError(['--verbose=1'], {}).key).toBe('--verbose');
    });

    it('rejects a positional argument', () => {
      expect(configError(['start'], {}).key).toBe('start');
    });

    it('rejects a value flag at the end of the line', () => {
      const err = configError(['--db'], {});
      expect(err.key).toBe('--db');
      expect(err.message).toContain('needs a value');
    });

    it('does not take the next flag as a value', () => {
      expect(configError(['--token', '--reset'], {}).key).toBe('--token');
    });
  });
});

describe('parseEnvFile', () => {
  it.each([
    ['NAME=value', { NAME: 'value' }],
    ['  export CCV_HOST = 0.0.0.0  ', { CCV_HOST: '0.0.0.0' }],
    ['CCV_TOKEN=', { CCV_TOKEN: '' }],
    ['CCV_DB=./data/center.db # the file', { CCV_DB: './data/center.db' }],
    ['CCV_ADMIN_KEY=a#b', { CCV_ADMIN_KEY: 'a#b' }],
    ["CCV_DB='/srv/my data/#1.db'", { CCV_DB: '/srv/my data/#1.db' }],
    ['CCV_DB="/srv/\\"q\\".db" # quoted', { CCV_DB: '/srv/"q".db' }],
    ['# a comment\n\n   \r\nA=1\r\nB=2', { A: '1', B: '2' }],
    ['CCV_HTTP_PORT=1\nCCV_HTTP_PORT=2', { CCV_HTTP_PORT: '2' }],
  ])('reads %j', (text, vars) => {
    expect(parseEnvFile(text, '.env')).toEqual(vars);
  });

  it.each([
    ['CCV_HOST=0.0.0.0\ngarbage line', '.env:2: expected NAME=value, not "garbage line"'],
    ['1X=y', '.env:1: expected NAME=value, not "1X=y"'],
    ['CCV_DB="unterminated', '.env:1: expected NAME=value, not "CCV_DB="unterminated"'],
    ["CCV_DB='a' b", `.env:1: expected NAME=value, not "CCV_DB='a' b"`],
    ['CCV_HTTPS_PROT=9443', '.env:1: CCV_HTTPS_PROT is not a setting (the variables are in --help)'],
    ['\nCCV_HTTPS_PORT=abc', '.env:2: Invalid CCV_HTTPS_PORT (--https-port) = "abc": must be an integer from 0 to 65535'],
  ])('refuses %j, naming the file and the line', (text, message) => {
    let caught: unknown;
    try {
      parseEnvFile(text, '.env');
    } catch (err) {
      caught = err;
    }
    expect(caught).toBeInstanceOf(ConfigError);
    expect((caught as ConfigError).message).toBe(message);
    expect((caught as ConfigError).key).toBe('.env');
  });

  it('never echoes a secret it refuses', () => {
    expect(() => parseEnvFile('CCV_TOKEN=ics-not-quite', '.env')).toThrow(/^\.env:1: Invalid CCV_TOKEN \(--token\): must look like/);
    expect(() => parseEnvFile('CCV_TOKEN=ics-not-quite', '.env')).not.toThrow(/not-quite/);
  });
});

describe('withEnvFile', () => {
  const inDir = (text: string | undefined, fn: (file: string) => void) => {
    const dir = mkdtempSync(join(tmpdir(), 'ccv-env-'));
    try {
      const file = join(dir, '.env');
      if (text !== undefined) writeFileSync(file, text);
      fn(file);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  };

  it('adds the variables of the file that the environment does not set: the environment wins', () => {
    inDir('CCV_HTTP_PORT=9080\nCCV_HTTPS_PORT=9443\nCCV_HOST=0.0.0.0\n', (file) => {
      const env = withEnvFile({ CCV_HTTPS_PORT: '7443', CCV_HOST: '', PATH: '/bin' }, file);
      expect(env).toEqual({ CCV_HTTP_PORT: '9080', CCV_HTTPS_PORT: '7443', CCV_HOST: '0.0.0.0', PATH: '/bin' });
      expect(parseConfig(['--http-port', '1080'], env)).toMatchObject({ httpPort: 1080, httpsPort: 7443, host: '0.0.0.0' });
    });
  });

  it('changes nothing without a file', () => {
    inDir(undefined, (file) => {
      const env = { CCV_DB: 'x.db' };
      expect(withEnvFile(env, file)).toBe(env);
    });
  });

  it('names the file of a bad line', () => {
    inDir('CCV_SEED=soon\n', (file) => {
      expect(() => withEnvFile({}, file)).toThrow(`${file}:1: Invalid CCV_SEED (--seed) = "soon"`);
    });
  });
});

describe('dataDir', () => {
  it('is the directory of the database file', () => {
    expect(dataDir(parseConfig([], {}))).toBe('./data');
    expect(dataDir(parseConfig(['--db', '/srv/ccv/center.db'], {}))).toBe('/srv/ccv');
  });

  it('is undefined for :memory:', () => {
    expect(dataDir(parseConfig(['--db', ':memory:'], {}))).toBeUndefined();
  });
});

describe('CONFIG_KEYS and helpText', () => {
  it('describes every Config field exactly once', () => {
    const fields = CONFIG_KEYS.map((k) => k.field).sort();
    expect(fields).toEqual(Object.keys(parseConfig([], {})).sort());
  });

  it('lists every flag and variable in the help', () => {
    const help = helpText();
    for (const key of CONFIG_KEYS) {
      expect(help).toContain(key.flag);
      if (key.env) expect(help).toContain(key.env);
    }
    expect(help).toContain('-h');
  });

  it('has defaults that parse to the same values as no input', () => {
    const env = Object.fromEntries(CONFIG_KEYS.filter((k) => k.env && k.default).map((k) => [k.env, k.default]));
    expect(parseConfig([], env)).toEqual(parseConfig([], {}));
  });

  it("matches README's configuration table: every variable and its flag once, in order, with its default", () => {
    const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
    const section = readme.slice(readme.indexOf('## Configuration'), readme.indexOf('### Commands'));
    const rows = [...section.matchAll(/^\| `(CCV_[A-Z_]+)` \| `(--[a-z-]+)` \|([^|]*)\|/gm)].map(([, env, flag, dflt]) => [env, flag, (dflt as string).trim()]);
    const documented = (k: (typeof CONFIG_KEYS)[number]) => (k.default ? `\`${k.default}\`` : undefined);
    // The order of --help and .env.example.
    expect(rows.map(([env, flag]) => [env, flag])).toEqual(CONFIG_KEYS.filter((k) => k.env).map((k) => [k.env, k.flag]));
    for (const key of CONFIG_KEYS.filter((k) => k.env && k.default)) {
      expect(rows.find(([env]) => env === key.env)?.[2], key.env).toBe(documented(key));
    }
  });

  it('matches .env.example: every variable once, with its default, and the file parses to the defaults', () => {
    const lines = readFileSync(new URL('../.env.example', import.meta.url), 'utf8').split('\n');
    const assignments = lines.filter((l) => /^[A-Z_]+=/.test(l)).map((l) => l.split('=', 2) as [string, string]);
    const expected = CONFIG_KEYS.filter((k) => k.env).map((k) => [k.env, k.default ?? '']);
    expect(assignments).toEqual(expected);
    expect(parseConfig([], Object.fromEntries(assignments))).toEqual(parseConfig([], {}));
  });
});
