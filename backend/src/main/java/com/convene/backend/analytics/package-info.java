/// Analytics in Cassandra (seed 000 "Cassandra Schema"): meeting events, call quality metrics and daily usage,
/// written from the signaling layer through a bounded, retrying buffer so that a missing Cassandra never
/// disturbs a call, and read back by the admin analytics REST API.
///
/// The `CqlSession` comes from the Apache Cassandra Java driver 4.19 through [com.convene.backend.analytics.CassandraConnector]
/// rather than micronaut-cassandra, which has no Micronaut 4 build (docs/decisions/021-cassandra-driver-without-micronaut-cassandra.md).
@NullMarked
package com.convene.backend.analytics;

import org.jspecify.annotations.NullMarked;
