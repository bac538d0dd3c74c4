// Onboarding (迎新): registration modes, the entry questionnaire, approvals and the welcome message.
import type { AppDeps } from '../http/deps.ts';
import type { RegistrationResult } from './register.ts';
import { sendWelcome } from './welcome.ts';

export { registrationRequests, entryQuestions, type RegistrationRequest, type EntryQuestion, type EntryAnswer } from './schema.ts';
export { registerMember, answersOf, type RegistrationInput, type RegistrationResult } from './register.ts';
export { registrationContext, type RegistrationContext } from './context.ts';
export { RegisterExtras } from './views/register-extras.tsx';
export { approveRegistration, rejectRegistration, pendingRegistrations, pendingCount } from './approvals.ts';
export { sendWelcome, RULES_PATH } from './welcome.ts';
export { onboardingSettings, saveOnboardingSettings, type OnboardingSettings } from './settings.ts';
export { listQuestions, addQuestion, updateQuestion, deleteQuestion } from './questions.ts';
export { onboardingMessages } from './messages.ts';
export { renderPending, renderInviteOnly } from './views/notices.tsx';

/** After an account is created at registration: tell the inviter's listeners, then welcome the member. */
export async function welcomeNewMember(deps: AppDeps, result: Extract<RegistrationResult, { kind: 'member' }>, locale: string): Promise<void> {
  const { user, inviterId } = result;
  if (inviterId !== null) await deps.plugins.hooks.action('invite.accepted', { inviterId, user }, { user });
  await sendWelcome(deps.db, user, deps.origin, deps.logger, locale);
}

/** Onboarding's part of the forum's start: the review-queue source for registrations. */
export { registerRegistrationQueue as registerOnboarding } from './queue-source.ts';
