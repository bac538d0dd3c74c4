// Private messages (私信) and blocking: the public surface for other domains and plugins.
export {
  conversations,
  conversationParticipants,
  conversationMessages,
  conversationReports,
  userBlocks,
  type Conversation,
  type ConversationMessage,
} from './schema.ts';
export { startConversation, type StartConversationInput, type StartOptions } from './service/start.ts';
export { replyToConversation } from './service/reply.ts';
export { enforceStartLimits, conversationLimits } from './service/limits.ts';
export { blockUser, unblockUser, isBlocking } from './service/blocks.ts';
export { unreadConversationCount } from './service/inbox.ts';
export { conversationsRoutes } from './routes.tsx';
export { conversationTexts } from './messages.ts';
export { ProfileMessageActions, BlockButton } from './views/profile-actions.tsx';
export { registerConversationSlots } from './slots.tsx';
