DROP INDEX "badges_members_lifetime_idx";--> statement-breakpoint
DROP INDEX "badges_members_longest_streak_idx";--> statement-breakpoint
CREATE INDEX "badges_members_lifetime_idx" ON "badges_members" USING btree ("lifetime" DESC NULLS FIRST,"user_id");--> statement-breakpoint
CREATE INDEX "badges_members_longest_streak_idx" ON "badges_members" USING btree ("longest_streak" DESC NULLS FIRST,"user_id");