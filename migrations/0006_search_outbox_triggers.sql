-- Search index outbox: every change that can alter what search shows is recorded in the same
-- transaction as the change itself, whichever code path makes it (core/search/schema.ts).
CREATE OR REPLACE FUNCTION search_enqueue_thread() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    INSERT INTO search_outbox (kind, ref_id) VALUES ('thread', OLD.id);
    RETURN OLD;
  END IF;
  INSERT INTO search_outbox (kind, ref_id) VALUES ('thread', NEW.id);
  RETURN NEW;
END $$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION search_enqueue_post() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    INSERT INTO search_outbox (kind, ref_id) VALUES ('post', OLD.id);
    RETURN OLD;
  END IF;
  IF NEW.number = 1 THEN
    INSERT INTO search_outbox (kind, ref_id) VALUES ('thread', NEW.thread_id);
  END IF;
  INSERT INTO search_outbox (kind, ref_id) VALUES ('post', NEW.id);
  RETURN NEW;
END $$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION search_enqueue_thread_tag() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    INSERT INTO search_outbox (kind, ref_id) VALUES ('thread', OLD.thread_id);
    RETURN OLD;
  END IF;
  INSERT INTO search_outbox (kind, ref_id) VALUES ('thread', NEW.thread_id);
  RETURN NEW;
END $$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION search_enqueue_member() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    INSERT INTO search_outbox (kind, ref_id) VALUES ('member', OLD.id);
    RETURN OLD;
  END IF;
  INSERT INTO search_outbox (kind, ref_id) VALUES ('member', NEW.id);
  RETURN NEW;
END $$;
--> statement-breakpoint
CREATE TRIGGER search_threads_changed AFTER INSERT OR DELETE OR UPDATE OF title, category_id, author_id, deleted_at, held_at, unlisted, publish_at
  ON threads FOR EACH ROW EXECUTE FUNCTION search_enqueue_thread();
--> statement-breakpoint
CREATE TRIGGER search_posts_changed AFTER INSERT OR DELETE OR UPDATE OF raw, thread_id, author_id, deleted_at, held_at
  ON posts FOR EACH ROW EXECUTE FUNCTION search_enqueue_post();
--> statement-breakpoint
CREATE TRIGGER search_thread_tags_changed AFTER INSERT OR DELETE
  ON thread_tags FOR EACH ROW EXECUTE FUNCTION search_enqueue_thread_tag();
--> statement-breakpoint
CREATE TRIGGER search_users_changed AFTER INSERT OR DELETE OR UPDATE OF username, display_name, bio, status
  ON users FOR EACH ROW EXECUTE FUNCTION search_enqueue_member();
