/// The desktop update check: the newest desktop release per operating system and architecture, found among the
/// installer files of a configured directory by their jpackage file names, and the files themselves with HTTP
/// range requests (RFC 9110 §14). Anonymous, like `/health`: a client checks before or after sign-in.
/// See `docs/decisions/073-update-check.md`.
@NullMarked
package com.convene.backend.update;

import org.jspecify.annotations.NullMarked;
