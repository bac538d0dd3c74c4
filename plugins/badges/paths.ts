const root = '/plugins/badges';

/** Every URL of the plugin, in one place. */
export const paths = {
  root,
  me: `${root}/me`,
  checkin: `${root}/checkin`,
  featured: `${root}/featured`,
  leaderboard: (period?: string) => `${root}/leaderboard${period ? `?period=${period}` : ''}`,
  badges: `${root}/badges`,
  badge: (badgeId: number) => `${root}/badges/${badgeId}`,
  rewards: `${root}/rewards`,
  redeem: (rewardId: number) => `${root}/rewards/${rewardId}/redeem`,
  redemptions: `${root}/redemptions`,
  fulfil: (redemptionId: number) => `${root}/redemptions/${redemptionId}/fulfil`,
  cancel: (redemptionId: number) => `${root}/redemptions/${redemptionId}/cancel`,
  admin: (page: 'levels' | 'badges' | 'rewards' | 'points') => `/admin/plugins/badges/${page}`,
  profile: (username: string) => `/u/${encodeURIComponent(username)}`,
};
