-- Issue 5: the audit log of administrative actions (seed 000 lists "Audit Logs" among PostgreSQL's data).
-- One row per completed admin action: who (actor), what (action, target), when, from where (address, agent).
-- Rows are only ever inserted; audit_id orders them and is the paging cursor.
CREATE TABLE audit_log (
    audit_id       BIGSERIAL PRIMARY KEY,
    occurred_at    TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT NOW(),
    actor_user_id  UUID NOT NULL,
    actor_username VARCHAR(100),
    action         VARCHAR(100) NOT NULL,
    target_type    VARCHAR(50),
    target_id      VARCHAR(100),
    http_method    VARCHAR(10) NOT NULL,
    path           VARCHAR(2000) NOT NULL,
    status_code    INTEGER NOT NULL,
    ip_address     INET,
    user_agent     TEXT
);
CREATE INDEX idx_audit_log_occurred_at ON audit_log (occurred_at);
CREATE INDEX idx_audit_log_actor ON audit_log (actor_user_id);
CREATE INDEX idx_audit_log_action ON audit_log (action);
