-- Dimensions of the daily usage roll-up (daily_usage_stats, seed 000 examples: region, device_type, user_id),
-- recorded at join time because nothing else keeps them (docs/decisions/026-usage-dimensions.md):
--   device_type  what the client said in its signaling hello: desktop, bot, mobile or other
--   region       the region of the backend node that admitted the join (convene.analytics.region)
-- Both nullable: rows from before this migration have neither and count as 'unknown'.
ALTER TABLE meeting_participants ADD COLUMN device_type VARCHAR(20);
ALTER TABLE meeting_participants ADD COLUMN region VARCHAR(50);
