import { ConfigError, loadConfig } from '../../core/config/index.ts';

describe('configuration from the environment', () => {
  it('has working defaults', () => {
    expect(loadConfig({})).toMatchObject({ PORT: 3000, DATA_DIR: './data', LOG_LEVEL: 'info' });
  });

  it('stops with one line naming the bad variable', () => {
    expect(() => loadConfig({ PORT: 'eighty' })).toThrow(ConfigError);
    try {
      loadConfig({ DATABASE_URL: 'not a url' });
    } catch (error) {
      expect((error as Error).message).toMatch(/^Invalid configuration: DATABASE_URL/);
      expect((error as Error).message).not.toContain('\n');
    }
  });

  it('treats empty optional URLs as unset', () => {
    expect(loadConfig({ SMTP_URL: '', MEILI_URL: '' })).toMatchObject({ SMTP_URL: undefined, MEILI_URL: undefined });
  });
});

describe('TRUST_PROXY', () => {
  it('is off by default and parses true/1', () => {
    expect(loadConfig({}).TRUST_PROXY).toBe(false);
    expect(loadConfig({ TRUST_PROXY: 'true' }).TRUST_PROXY).toBe(true);
    expect(loadConfig({ TRUST_PROXY: '1' }).TRUST_PROXY).toBe(true);
    expect(() => loadConfig({ TRUST_PROXY: 'maybe' })).toThrow(/TRUST_PROXY/);
  });
});
