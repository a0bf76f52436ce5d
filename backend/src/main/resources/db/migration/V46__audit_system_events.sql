-- Events the system raises itself have no acting administrator (docs/decisions/090): the sign-in alert
-- `signin.attack` when one account draws convene.account.sign-in-alert-threshold attempts within the window.
ALTER TABLE audit_log ALTER COLUMN actor_user_id DROP NOT NULL;
