package com.convene.backend.signaling;

import io.micronaut.data.connection.annotation.Connectable;
import jakarta.inject.Singleton;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;

/// Reads `users.status` (seed 000) for signaling: which of a set of users may no longer be connected. One
/// indexed query per call. Read-only; the account feature owns the table and its writes.
///
/// Blocking JDBC: call from a blocking executor or a session's virtual thread.
@Singleton
class AccountStatusReader {
  private static final String DISABLED_AMONG = """
      SELECT ids.id FROM unnest(?) AS ids(id)
      WHERE NOT EXISTS (SELECT 1 FROM users u WHERE u.user_id = ids.id AND u.status = 'active')""";

  private final DataSource dataSource;

  AccountStatusReader(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /// The users among `userIds` whose account is not `active` (suspended, deleted or gone).
  /// @throws SQLException when PostgreSQL cannot be reached
  @Connectable
  List<UUID> disabledAmong(Collection<UUID> userIds) throws SQLException {
    if (userIds.isEmpty()) {
      return List.of();
    }
    try (Connection c = dataSource.getConnection();
        PreparedStatement st = c.prepareStatement(DISABLED_AMONG)) {
      Array ids = c.createArrayOf("uuid", userIds.toArray());
      st.setArray(1, ids);
      List<UUID> disabled = new ArrayList<>();
      try (ResultSet rs = st.executeQuery()) {
        while (rs.next()) {
          disabled.add(rs.getObject(1, UUID.class));
        }
      }
      return disabled;
    }
  }
}
