-- The public API's incremental sync (updated_since) reads updated_at: it must move on every change of a row,
-- whichever code path writes it. An updated row gets now() unless the statement set updated_at
-- itself (the demo writes past moments). (A WHEN clause comparing OLD.* and NEW.* is not allowed on tables
-- with generated columns, so an UPDATE that changes nothing moves it too: a sync then reads the item again.)
CREATE OR REPLACE FUNCTION meedoen_touch_updated_at() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	IF NEW.updated_at IS NOT DISTINCT FROM OLD.updated_at THEN
		NEW.updated_at := now();
	END IF;
	RETURN NEW;
END
$$;
--> statement-breakpoint
CREATE TRIGGER actions_touch_updated_at BEFORE UPDATE ON actions
	FOR EACH ROW EXECUTE FUNCTION meedoen_touch_updated_at();
--> statement-breakpoint
CREATE TRIGGER events_touch_updated_at BEFORE UPDATE ON events
	FOR EACH ROW EXECUTE FUNCTION meedoen_touch_updated_at();
--> statement-breakpoint
CREATE TRIGGER suggestions_touch_updated_at BEFORE UPDATE ON suggestions
	FOR EACH ROW EXECUTE FUNCTION meedoen_touch_updated_at();
--> statement-breakpoint
CREATE TRIGGER municipalities_touch_updated_at BEFORE UPDATE ON municipalities
	FOR EACH ROW EXECUTE FUNCTION meedoen_touch_updated_at();
--> statement-breakpoint
-- An action's API item lists its themes and the rungs of its opportunities: a change to either is a change
-- of the action.
CREATE OR REPLACE FUNCTION meedoen_touch_parent_action() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	IF TG_OP <> 'INSERT' THEN
		UPDATE actions SET updated_at = now() WHERE id = OLD.action_id;
	END IF;
	IF TG_OP = 'INSERT' OR (TG_OP = 'UPDATE' AND NEW.action_id IS DISTINCT FROM OLD.action_id) THEN
		UPDATE actions SET updated_at = now() WHERE id = NEW.action_id;
	END IF;
	RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER opportunities_touch_action AFTER INSERT OR UPDATE OR DELETE ON opportunities
	FOR EACH ROW EXECUTE FUNCTION meedoen_touch_parent_action();
--> statement-breakpoint
CREATE TRIGGER action_themes_touch_action AFTER INSERT OR UPDATE OR DELETE ON action_themes
	FOR EACH ROW EXECUTE FUNCTION meedoen_touch_parent_action();
--> statement-breakpoint
-- An event's API item says how many places are left: a registration that comes, changes or goes changes it.
CREATE OR REPLACE FUNCTION meedoen_touch_parent_event() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	IF TG_OP <> 'INSERT' THEN
		UPDATE events SET updated_at = now() WHERE id = OLD.event_id;
	END IF;
	IF TG_OP = 'INSERT' OR (TG_OP = 'UPDATE' AND NEW.event_id IS DISTINCT FROM OLD.event_id) THEN
		UPDATE events SET updated_at = now() WHERE id = NEW.event_id;
	END IF;
	RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER event_registrations_touch_event AFTER INSERT OR UPDATE OR DELETE ON event_registrations
	FOR EACH ROW EXECUTE FUNCTION meedoen_touch_parent_event();
--> statement-breakpoint
-- A suggestion's API item tells its story: a new entry is a change of the suggestion.
CREATE OR REPLACE FUNCTION meedoen_touch_parent_suggestion() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	IF TG_OP <> 'INSERT' THEN
		UPDATE suggestions SET updated_at = now() WHERE id = OLD.suggestion_id;
	END IF;
	IF TG_OP = 'INSERT' OR (TG_OP = 'UPDATE' AND NEW.suggestion_id IS DISTINCT FROM OLD.suggestion_id) THEN
		UPDATE suggestions SET updated_at = now() WHERE id = NEW.suggestion_id;
	END IF;
	RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER suggestion_story_touch_suggestion AFTER INSERT OR UPDATE OR DELETE ON suggestion_story
	FOR EACH ROW EXECUTE FUNCTION meedoen_touch_parent_suggestion();
