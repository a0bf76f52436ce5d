/// Accounts: registration, login with argon2id password hashes (RFC 9106) and bearer JWT access tokens
/// (RFC 7519, RFC 6750), the current user, and the first-start admin.
///
/// Profiles live in `users` (seed 000), credentials in `user_auth` (seed 004). Roles are `admin` and `member`
/// (see `docs/decisions/010-account-roles.md`). Sign-in is throttled per account and client address, never locked
/// (docs/decisions/090); tokens are validated strictly, refresh tokens rotate in families and revocations are
/// shared through Redis (docs/decisions/091, RFC 8725, RFC 9700 §4.14.2). Threat model: docs/security.md.
@NullMarked
package com.convene.backend.account;

import org.jspecify.annotations.NullMarked;
