package com.convene.backend.storage;

import static org.assertj.core.api.Assertions.assertThat;

import com.convene.backend.BackendTestSupport;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/// Acceptance a of issue 4: after Flyway, the live PostgreSQL catalog holds every table, column (type, length,
/// nullability, default), key and index of seed 000's PostgreSQL DDL, which is parsed from a verbatim copy
/// (`src/test/resources/seed/000-postgresql.sql`), plus the seed's 16 hash partitions of `chat_messages`.
/// Columns the project adds on purpose (decisions 010, 011) are allowed; nothing of the seed may be missing.
@MicronautTest
class SeedSchemaIT extends BackendTestSupport {

    private static final Pattern TABLE = Pattern.compile("CREATE TABLE (\\w+) \\((.*?)\\n\\);", Pattern.DOTALL);
    private static final Pattern INDEX = Pattern.compile("INDEX (\\w+) \\(([^)]*)\\)");
    private static final Pattern UNIQUE = Pattern.compile("UNIQUE \\(([^)]*)\\)");

    @Inject
    DataSource dataSource;

    record SeedColumn(String name, String type, Integer length, boolean nullable, String defaultValue,
                      boolean primaryKey, boolean unique, String references) {}

    record SeedTable(String name, List<SeedColumn> columns, Map<String, String> indexes, List<String> uniques) {}

    @Test
    void liveCatalogMatchesSeed000() throws Exception {
        List<SeedTable> seed = parseSeed();
        assertThat(seed).extracting(SeedTable::name)
                .containsExactly("users", "meetings", "meeting_participants", "recordings", "chat_messages");
        int columnsChecked = 0;
        int indexesChecked = 0;
        try (Connection c = dataSource.getConnection()) {
            for (SeedTable table : seed) {
                Map<String, Map<String, Object>> live = liveColumns(c, table.name());
                assertThat(live).as("table %s exists", table.name()).isNotEmpty();
                for (SeedColumn col : table.columns()) {
                    Map<String, Object> lc = live.get(col.name());
                    assertThat(lc).as("%s.%s exists", table.name(), col.name()).isNotNull();
                    assertThat(lc.get("data_type")).as("%s.%s type", table.name(), col.name()).isEqualTo(col.type());
                    if (col.length() != null) {
                        assertThat(lc.get("character_maximum_length")).as("%s.%s length", table.name(), col.name())
                                .isEqualTo(col.length());
                    }
                    assertThat(lc.get("is_nullable")).as("%s.%s nullable", table.name(), col.name())
                            .isEqualTo(col.nullable() ? "YES" : "NO");
                    assertThat(normalizeDefault((String) lc.get("column_default")))
                            .as("%s.%s default", table.name(), col.name()).isEqualTo(col.defaultValue());
                    columnsChecked++;
                }
                List<String> pk = constraintColumns(c, table.name(), "PRIMARY KEY");
                assertThat(pk).as("%s primary key", table.name()).containsExactly(table.columns().stream()
                        .filter(SeedColumn::primaryKey).map(SeedColumn::name).findFirst().orElseThrow());
                List<String> uniques = uniqueColumnSets(c, table.name());
                for (SeedColumn col : table.columns()) {
                    if (col.unique()) {
                        assertThat(uniques).as("%s.%s unique", table.name(), col.name()).contains(col.name());
                    }
                    if (col.references() != null) {
                        assertThat(foreignKeys(c, table.name())).as("%s.%s references", table.name(), col.name())
                                .contains(col.name() + "->" + col.references());
                    }
                }
                for (String unique : table.uniques()) {
                    assertThat(uniques).as("%s unique (%s)", table.name(), unique).contains(unique);
                }
                Map<String, String> liveIndexes = liveIndexes(c, table.name());
                table.indexes().forEach((name, columns) -> {
                    assertThat(liveIndexes).as("index %s on %s", name, table.name()).containsEntry(name, columns);
                });
                indexesChecked += table.indexes().size();
            }
            assertThat(partitions(c, "chat_messages")).hasSize(16)
                    .allMatch(bound -> bound.startsWith("FOR VALUES WITH (modulus 16, remainder "));
        }
        assertThat(columnsChecked).isEqualTo(12 + 23 + 19 + 25 + 20);
        assertThat(indexesChecked).isEqualTo(4 + 4 + 4 + 5 + 5);
    }

    private static List<SeedTable> parseSeed() throws IOException {
        String ddl;
        try (InputStream in = SeedSchemaIT.class.getResourceAsStream("/seed/000-postgresql.sql")) {
            ddl = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        List<SeedTable> tables = new ArrayList<>();
        Matcher t = TABLE.matcher(ddl);
        while (t.find()) {
            List<SeedColumn> columns = new ArrayList<>();
            Map<String, String> indexes = new LinkedHashMap<>();
            List<String> uniques = new ArrayList<>();
            for (String raw : t.group(2).split("\n")) {
                String line = raw.strip().replaceAll(",$", "").replaceAll("\\s+", " ").replace(" )", ")").strip();
                if (line.isEmpty()) {
                    continue;
                }
                Matcher idx = INDEX.matcher(line);
                if (line.startsWith("INDEX ") && idx.find()) {
                    indexes.put(idx.group(1), idx.group(2).replace(" ", ""));
                    continue;
                }
                Matcher uq = UNIQUE.matcher(line);
                if (line.startsWith("UNIQUE") && uq.find()) {
                    uniques.add(uq.group(1).replace(" ", ""));
                    continue;
                }
                columns.add(parseColumn(line));
            }
            tables.add(new SeedTable(t.group(1), columns, indexes, uniques));
        }
        return tables;
    }

    private static SeedColumn parseColumn(String line) {
        String name = line.substring(0, line.indexOf(' '));
        String rest = line.substring(name.length() + 1);
        String upper = rest.toUpperCase(Locale.ROOT);
        String type;
        Integer length = null;
        Matcher varchar = Pattern.compile("^VARCHAR \\((\\d+)\\)").matcher(rest);
        if (varchar.find()) {
            type = "character varying";
            length = Integer.parseInt(varchar.group(1));
        } else if (upper.startsWith("TIMESTAMP WITH TIME ZONE")) {
            type = "timestamp with time zone";
        } else {
            String word = upper.split("[ ,]")[0];
            type = switch (word) {
                case "UUID" -> "uuid";
                case "TEXT" -> "text";
                case "INTEGER" -> "integer";
                case "BIGINT" -> "bigint";
                case "BOOLEAN" -> "boolean";
                case "JSONB" -> "jsonb";
                case "INET" -> "inet";
                default -> throw new IllegalArgumentException("unknown seed type in: " + line);
            };
        }
        boolean pk = upper.contains("PRIMARY KEY");
        boolean notNull = upper.contains("NOT NULL") || pk;
        String def = null;
        Matcher d = Pattern.compile("DEFAULT ('[^']*'|[\\w()]+)", Pattern.CASE_INSENSITIVE).matcher(rest);
        if (d.find()) {
            def = d.group(1).toLowerCase(Locale.ROOT).startsWith("'") ? d.group(1) : d.group(1).toLowerCase(Locale.ROOT);
        }
        String ref = null;
        Matcher r = Pattern.compile("REFERENCES (\\w+) ?\\((\\w+)\\)").matcher(rest);
        if (r.find()) {
            ref = r.group(1) + "." + r.group(2);
        }
        boolean unique = upper.contains("UNIQUE");
        return new SeedColumn(name, type, length, !notNull, def, pk, unique, ref);
    }

    /// `'UTC'::character varying` -> `'UTC'`, `'{}'::jsonb` -> `'{}'`.
    private static String normalizeDefault(String live) {
        if (live == null) {
            return null;
        }
        return live.replaceAll("::[a-z ]+$", "");
    }

    private static Map<String, Map<String, Object>> liveColumns(Connection c, String table) throws SQLException {
        Map<String, Map<String, Object>> out = new LinkedHashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT column_name, data_type, character_maximum_length, "
                + "is_nullable, column_default FROM information_schema.columns WHERE table_schema = 'public' "
                + "AND table_name = ?")) {
            ps.setString(1, table);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Map<String, Object> col = new LinkedHashMap<>();
                    col.put("data_type", rs.getString(2));
                    col.put("character_maximum_length", rs.getObject(3));
                    col.put("is_nullable", rs.getString(4));
                    col.put("column_default", rs.getString(5));
                    out.put(rs.getString(1), col);
                }
            }
        }
        return out;
    }

    private static List<String> constraintColumns(Connection c, String table, String type) throws SQLException {
        List<String> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT k.column_name FROM information_schema.table_constraints t "
                + "JOIN information_schema.key_column_usage k ON k.constraint_name = t.constraint_name "
                + "AND k.table_name = t.table_name WHERE t.table_schema = 'public' AND t.table_name = ? "
                + "AND t.constraint_type = ? ORDER BY k.ordinal_position")) {
            ps.setString(1, table);
            ps.setString(2, type);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
        }
        return out;
    }

    private static List<String> uniqueColumnSets(Connection c, String table) throws SQLException {
        List<String> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT string_agg(k.column_name, ',' ORDER BY k.ordinal_position) "
                + "FROM information_schema.table_constraints t JOIN information_schema.key_column_usage k "
                + "ON k.constraint_name = t.constraint_name AND k.table_name = t.table_name "
                + "WHERE t.table_schema = 'public' AND t.table_name = ? AND t.constraint_type = 'UNIQUE' "
                + "GROUP BY t.constraint_name")) {
            ps.setString(1, table);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
        }
        return out;
    }

    private static List<String> foreignKeys(Connection c, String table) throws SQLException {
        List<String> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT a.attname, cf.relname, af.attname FROM pg_constraint k "
                + "JOIN pg_class cl ON cl.oid = k.conrelid JOIN pg_class cf ON cf.oid = k.confrelid "
                + "JOIN pg_attribute a ON a.attrelid = k.conrelid AND a.attnum = k.conkey[1] "
                + "JOIN pg_attribute af ON af.attrelid = k.confrelid AND af.attnum = k.confkey[1] "
                + "WHERE k.contype = 'f' AND cl.relname = ? AND k.conparentid = 0")) {
            ps.setString(1, table);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1) + "->" + rs.getString(2) + "." + rs.getString(3));
                }
            }
        }
        return out;
    }

    /// Index name -> comma-separated column list, from `pg_indexes` (partitioned parents included).
    private static Map<String, String> liveIndexes(Connection c, String table) throws SQLException {
        Map<String, String> out = new LinkedHashMap<>();
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = 'public' AND tablename = ?")) {
            ps.setString(1, table);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String def = rs.getString(2);
                    String cols = def.substring(def.lastIndexOf('(') + 1, def.lastIndexOf(')')).replace(" ", "");
                    out.put(rs.getString(1), cols);
                }
            }
        }
        return out;
    }

    private static List<String> partitions(Connection c, String table) throws SQLException {
        List<String> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT pg_get_expr(ch.relpartbound, ch.oid) FROM pg_inherits i "
                + "JOIN pg_class p ON p.oid = i.inhparent JOIN pg_class ch ON ch.oid = i.inhrelid WHERE p.relname = ?")) {
            ps.setString(1, table);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
        }
        return out;
    }
}
