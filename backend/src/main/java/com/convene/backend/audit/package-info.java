/// The audit log: every action an administrator performs through the REST API (who, what, when, from where) is
/// stored in PostgreSQL (`audit_log`) and can be paged through by administrators at `GET /api/v1/audit`.
///
/// Controllers mark auditable operations with [com.convene.backend.audit.Audited]; an around-advice records the
/// entry after the operation succeeded, when the caller holds the `admin` role.
@NullMarked
package com.convene.backend.audit;

import org.jspecify.annotations.NullMarked;
