// The accounts domain's public surface for other domains and plugins.
export { users, sessions, type User, type Role, type Session } from './schema.ts';
export { avatarUrl } from './service/avatar.ts';
export { findUserByUsername, findUserByLogin } from './service/users.ts';
export { isSanctioned } from './service/login.ts';
export { invalidateUserSessions } from './service/sessions.ts';
