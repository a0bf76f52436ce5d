/// REST data-transfer records shared by the backend and the desktop app.
///
/// Every type here is a plain Jackson-serialisable record (Jackson 2.19 maps record components by name); instants are
/// `java.time.Instant` and travel as ISO-8601 strings (RFC 3339), so readers must register `jackson-datatype-jsr310`.
/// Errors travel as [Problem] (`application/problem+json`, RFC 9457); the stable `type` URIs are listed in
/// `docs/problems.md`. Changes only add components: a rename means a new record.
package com.convene.model.api;
