package com.convene.backend.outbox;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;

/// Tells a failure that may pass (PostgreSQL down, hung, restarting, the pool out of connections) from one that will
/// not (the write itself is wrong). SQLSTATE classes after the PostgreSQL manual, appendix A "PostgreSQL Error Codes":
/// `22` data exception, `23` integrity constraint violation and `42` syntax error or access rule violation are
/// permanent; everything else, and any failure without an SQLSTATE, is retried.
final class OutboxFailures {

    private OutboxFailures() {
    }

    /// Whether retrying `failure` later can succeed.
    static boolean transientFailure(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLTransientException || t instanceof SQLRecoverableException
                    || t instanceof SQLNonTransientConnectionException || t instanceof ConnectException) {
                return true;
            }
            if (t instanceof SQLException sql && sql.getSQLState() != null) {
                String state = sql.getSQLState();
                return !(state.startsWith("22") || state.startsWith("23") || state.startsWith("42"));
            }
        }
        return true;
    }
}
