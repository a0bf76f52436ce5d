package com.convene.backend.analytics;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.Row;
import com.datastax.oss.driver.api.core.cql.SimpleStatement;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/// Versioned Cassandra schema steps, the Flyway of the analytics keyspace: each `cassandra/migration/V<n>__<name>.cql`
/// resource is applied once, in order, and recorded in `<keyspace>.schema_migrations`. Statements are separated by
/// `;` at a line end; `${keyspace}`, `${event_ttl}` and `${metrics_ttl}` (seconds) are substituted.
///
/// Every step must be idempotent (`IF NOT EXISTS`), because two backends may start at once and Cassandra has no
/// transactional DDL.
final class CassandraSchema {

    private static final Logger LOG = LoggerFactory.getLogger(CassandraSchema.class);
    /// The steps, in order. Add a file and a line here; never edit an applied step.
    static final List<String> STEPS = List.of("V1__analytics_tables.cql");

    private final CqlSession session;
    private final CassandraConfig config;

    CassandraSchema(CqlSession session, CassandraConfig config) {
        this.session = session;
        this.config = config;
    }

    void apply() {
        String ks = config.keyspace();
        execute("CREATE KEYSPACE IF NOT EXISTS " + ks + " WITH replication = " + config.replication());
        execute("CREATE TABLE IF NOT EXISTS " + ks + ".schema_migrations (version int PRIMARY KEY, "
                + "script text, applied_at timestamp)");
        Set<Integer> applied = new HashSet<>();
        for (Row row : session.execute("SELECT version FROM " + ks + ".schema_migrations")) {
            applied.add(row.getInt("version"));
        }
        for (String step : STEPS) {
            int version = Integer.parseInt(step.substring(1, step.indexOf("__")));
            if (applied.contains(version)) {
                continue;
            }
            for (String cql : statements(load(step))) {
                execute(cql);
            }
            session.execute(SimpleStatement.newInstance("INSERT INTO " + ks
                    + ".schema_migrations (version, script, applied_at) VALUES (?, ?, ?)", version, step, Instant.now()));
            LOG.info("Cassandra schema step applied version={} script={}", version, step);
        }
    }

    private void execute(String cql) {
        session.execute(SimpleStatement.newInstance(cql).setTimeout(Duration.ofSeconds(30)));
    }

    private String load(String step) {
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("cassandra/migration/" + step)) {
            if (in == null) {
                throw new IllegalStateException("missing Cassandra schema step " + step);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8)
                    .replace("${keyspace}", config.keyspace())
                    .replace("${event_ttl}", Long.toString(config.eventTtl().toSeconds()))
                    .replace("${metrics_ttl}", Long.toString(config.metricsTtl().toSeconds()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<String> statements(String script) {
        StringBuilder clean = new StringBuilder();
        for (String line : script.split("\n")) {
            String t = line.strip();
            if (!t.startsWith("--")) {
                clean.append(line).append('\n');
            }
        }
        return java.util.Arrays.stream(clean.toString().split(";\\s*\n"))
                .map(String::strip)
                .map(s -> s.endsWith(";") ? s.substring(0, s.length() - 1) : s)
                .filter(s -> !s.isEmpty())
                .toList();
    }
}
