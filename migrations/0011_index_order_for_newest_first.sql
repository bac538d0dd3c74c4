DROP INDEX "posts_author_idx";--> statement-breakpoint
DROP INDEX "threads_latest_idx";--> statement-breakpoint
DROP INDEX "threads_category_latest_idx";--> statement-breakpoint
DROP INDEX "threads_new_idx";--> statement-breakpoint
DROP INDEX "threads_author_idx";--> statement-breakpoint
DROP INDEX "threads_featured_idx";--> statement-breakpoint
DROP INDEX "mail_messages_created_idx";--> statement-breakpoint
DROP INDEX "notifications_user_idx";--> statement-breakpoint
DROP INDEX "conversation_participants_inbox_idx";--> statement-breakpoint
DROP INDEX "moderation_log_created_idx";--> statement-breakpoint
DROP INDEX "moderation_log_actor_idx";--> statement-breakpoint
DROP INDEX "moderation_log_target_user_idx";--> statement-breakpoint
DROP INDEX "moderation_log_action_idx";--> statement-breakpoint
DROP INDEX "moderation_rules_created_idx";--> statement-breakpoint
DROP INDEX "moderation_sanctions_user_idx";--> statement-breakpoint
DROP INDEX "trust_level_changes_user_idx";--> statement-breakpoint
DROP INDEX "invites_inviter_idx";--> statement-breakpoint
DROP INDEX "search_documents_type_created_idx";--> statement-breakpoint
DROP INDEX "search_documents_created_idx";--> statement-breakpoint
CREATE INDEX "posts_author_idx" ON "posts" USING btree ("author_id","created_at" DESC NULLS FIRST);--> statement-breakpoint
CREATE INDEX "threads_latest_idx" ON "threads" USING btree ("last_post_at" DESC NULLS FIRST,"id" DESC NULLS FIRST);--> statement-breakpoint
CREATE INDEX "threads_category_latest_idx" ON "threads" USING btree ("category_id","last_post_at" DESC NULLS FIRST,"id" DESC NULLS FIRST);--> statement-breakpoint
CREATE INDEX "threads_new_idx" ON "threads" USING btree ("created_at" DESC NULLS FIRST,"id" DESC NULLS FIRST);--> statement-breakpoint
CREATE INDEX "threads_author_idx" ON "threads" USING btree ("author_id","created_at" DESC NULLS FIRST);--> statement-breakpoint
CREATE INDEX "threads_featured_idx" ON "threads" USING btree ("last_post_at" DESC NULLS FIRST) WHERE "threads"."featured";--> statement-breakpoint
CREATE INDEX "mail_messages_created_idx" ON "mail_messages" USING btree ("created_at" DESC NULLS FIRST);--> statement-breakpoint
CREATE INDEX "notifications_user_idx" ON "notifications" USING btree ("user_id","id" DESC NULLS FIRST);--> statement-breakpoint
CREATE INDEX "conversation_participants_inbox_idx" ON "conversation_participants" USING btree ("user_id","last_message_id" DESC NULLS FIRST) WHERE "conversation_participants"."left_at" is null;--> statement-breakpoint
CREATE INDEX "moderation_log_created_idx" ON "moderation_log" USING btree ("created_at" DESC NULLS FIRST,"id" DESC NULLS FIRST);--> statement-breakpoint
CREATE INDEX "moderation_log_actor_idx" ON "moderation_log" USING btree ("actor_id","created_at" DESC NULLS FIRST);--> statement-breakpoint
CREATE INDEX "moderation_log_target_user_idx" ON "moderation_log" USING btree ("target_user_id","created_at" DESC NULLS FIRST);--> statement-breakpoint
CREATE INDEX "moderation_log_action_idx" ON "moderation_log" USING btree ("action","created_at" DESC NULLS FIRST);--> statement-breakpoint
CREATE INDEX "moderation_rules_created_idx" ON "moderation_rules" USING btree ("created_at" DESC NULLS FIRST,"id" DESC NULLS FIRST);--> statement-breakpoint
CREATE INDEX "moderation_sanctions_user_idx" ON "moderation_sanctions" USING btree ("user_id","starts_at" DESC NULLS FIRST);--> statement-breakpoint
CREATE INDEX "trust_level_changes_user_idx" ON "trust_level_changes" USING btree ("user_id","created_at" DESC NULLS FIRST);--> statement-breakpoint
CREATE INDEX "invites_inviter_idx" ON "invites" USING btree ("inviter_id","created_at" DESC NULLS FIRST);--> statement-breakpoint
CREATE INDEX "search_documents_type_created_idx" ON "search_documents" USING btree ("type","created_at" DESC NULLS FIRST);--> statement-breakpoint
CREATE INDEX "search_documents_created_idx" ON "search_documents" USING btree ("created_at" DESC NULLS FIRST);