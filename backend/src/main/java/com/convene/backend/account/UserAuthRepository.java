package com.convene.backend.account;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.time.Instant;
import java.util.UUID;

/// `user_auth` table access. Blocking JDBC: call from a blocking executor.
@JdbcRepository(dialect = Dialect.POSTGRES)
interface UserAuthRepository extends CrudRepository<UserAuth, UUID> {

    void update(@Id UUID userId, int failedLoginAttempts, @Nullable Instant lockedUntil);
}
