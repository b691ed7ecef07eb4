CREATE TABLE "opportunity_rung_counts" (
	"municipality_id" uuid NOT NULL,
	"rung" text NOT NULL,
	"n" integer NOT NULL,
	CONSTRAINT "opportunity_rung_counts_municipality_id_rung_pk" PRIMARY KEY("municipality_id","rung")
);
--> statement-breakpoint
ALTER TABLE "opportunity_rung_counts" ADD CONSTRAINT "opportunity_rung_counts_municipality_id_municipalities_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipalities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "impact_snapshots_trend_idx" ON "impact_snapshots" USING btree ("region_id","scope_key","indicator_key","day","value");
--> statement-breakpoint
-- The ladder's impact indicator (issue 21) read every opportunity per rung at each request (43,554 on the bench
-- dataset, 15-25 ms of the region's dashboard). These counts per municipality and rung are kept here by statement
-- triggers, in the transaction of whatever writes opportunities: the services, an action's or a municipality's
-- cascade, the demo, bulk SQL. Grouped per statement (a bulk insert is one upsert per rung, not one per row). A
-- writer first takes a transaction lock per municipality it changes (in key order): two transactions that each
-- write several rungs of one municipality, in separate statements and in another order, would otherwise lock
-- the same two count rows crosswise (a deadlock); a change that moves no count (a new title) takes none. A
-- municipality being deleted is skipped (its counts go with it by the cascade). What counts of these (the action
-- published, not archived) is decided when the indicator reads (opportunities.indicators.ts).
CREATE OR REPLACE FUNCTION meedoen_count_opportunity_rungs() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	IF TG_OP = 'INSERT' THEN
		PERFORM pg_advisory_xact_lock(4242050, hashtext(m.municipality_id::text))
		FROM (SELECT DISTINCT municipality_id FROM new_rows ORDER BY 1) m;
		INSERT INTO opportunity_rung_counts AS c (municipality_id, rung, n)
		SELECT d.municipality_id, d.rung, d.n
		FROM (SELECT municipality_id, rung, count(*)::int AS n FROM new_rows GROUP BY 1, 2) d
		JOIN municipalities m ON m.id = d.municipality_id
		ORDER BY 1, 2
		ON CONFLICT (municipality_id, rung) DO UPDATE SET n = c.n + excluded.n;
	ELSIF TG_OP = 'DELETE' THEN
		PERFORM pg_advisory_xact_lock(4242050, hashtext(m.municipality_id::text))
		FROM (SELECT DISTINCT municipality_id FROM old_rows ORDER BY 1) m;
		INSERT INTO opportunity_rung_counts AS c (municipality_id, rung, n)
		SELECT d.municipality_id, d.rung, d.n
		FROM (SELECT municipality_id, rung, -count(*)::int AS n FROM old_rows GROUP BY 1, 2) d
		JOIN municipalities m ON m.id = d.municipality_id
		ORDER BY 1, 2
		ON CONFLICT (municipality_id, rung) DO UPDATE SET n = c.n + excluded.n;
	ELSE
		PERFORM pg_advisory_xact_lock(4242050, hashtext(m.municipality_id::text))
		FROM (
			SELECT DISTINCT unnest(ARRAY[o.municipality_id, n.municipality_id]) AS municipality_id
			FROM old_rows o
			JOIN new_rows n ON n.id = o.id
			WHERE o.rung <> n.rung OR o.municipality_id <> n.municipality_id
			ORDER BY 1
		) m;
		INSERT INTO opportunity_rung_counts AS c (municipality_id, rung, n)
		SELECT d.municipality_id, d.rung, d.n
		FROM (
			SELECT municipality_id, rung, sum(n)::int AS n
			FROM (
				SELECT municipality_id, rung, 1 AS n FROM new_rows
				UNION ALL
				SELECT municipality_id, rung, -1 FROM old_rows
			) moved
			GROUP BY 1, 2
			HAVING sum(n) <> 0
		) d
		JOIN municipalities m ON m.id = d.municipality_id
		ORDER BY 1, 2
		ON CONFLICT (municipality_id, rung) DO UPDATE SET n = c.n + excluded.n;
	END IF;
	RETURN NULL;
END
$$;
--> statement-breakpoint
LOCK TABLE opportunities IN SHARE ROW EXCLUSIVE MODE;
--> statement-breakpoint
CREATE TRIGGER opportunities_count_rungs_insert AFTER INSERT ON opportunities
	REFERENCING NEW TABLE AS new_rows
	FOR EACH STATEMENT EXECUTE FUNCTION meedoen_count_opportunity_rungs();
--> statement-breakpoint
CREATE TRIGGER opportunities_count_rungs_update AFTER UPDATE ON opportunities
	REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
	FOR EACH STATEMENT EXECUTE FUNCTION meedoen_count_opportunity_rungs();
--> statement-breakpoint
CREATE TRIGGER opportunities_count_rungs_delete AFTER DELETE ON opportunities
	REFERENCING OLD TABLE AS old_rows
	FOR EACH STATEMENT EXECUTE FUNCTION meedoen_count_opportunity_rungs();
--> statement-breakpoint
INSERT INTO opportunity_rung_counts (municipality_id, rung, n)
SELECT municipality_id, rung, count(*)::int FROM opportunities GROUP BY 1, 2;
