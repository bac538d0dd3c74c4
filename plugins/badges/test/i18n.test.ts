import en from '../locales/en.ts';
import zhCN from '../locales/zh-CN.ts';
import { builtinBadges } from '../service/builtin-badges.ts';
import { defaultLevels } from '../service/levels.ts';
import { badgesSettings } from '../settings.ts';
import { ledgerReasons, rewardKinds } from '../schema.ts';

describe('badges strings', () => {
  it('translate every key, setting, badge, reason, reward kind and default level', () => {
    expect(Object.keys(zhCN).sort()).toEqual(Object.keys(en).sort());
    expect(Object.keys(en).every((k) => k.startsWith('badges.'))).toBe(true);
    for (const key of Object.keys(badgesSettings.shape)) expect(en).toHaveProperty([`badges.settings.${key}`]);
    for (const b of builtinBadges) {
      expect(en).toHaveProperty([`badges.builtin.${b.slug}.name`]);
      expect(en).toHaveProperty([`badges.builtin.${b.slug}.description`]);
    }
    for (const r of ledgerReasons) expect(en).toHaveProperty([`badges.reason.${r}`]);
    for (const k of rewardKinds) expect(en).toHaveProperty([`badges.reward.kind.${k}`]);
    for (const l of defaultLevels) expect(zhCN).toHaveProperty([`badges.level.default.${l.level}`]);
  });
});
