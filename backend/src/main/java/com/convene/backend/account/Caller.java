package com.convene.backend.account;

import io.micronaut.security.authentication.Authentication;
import java.util.UUID;

/// The authenticated user of a request, as read from the access token: the JWT `sub` is the user id and the
/// `roles` claim holds [Role#wireName()] values.
///
/// @param userId the caller's user id
/// @param role   the caller's role at token issue time
public record Caller(UUID userId, Role role) {

    /// Reads the caller from Micronaut Security's authentication.
    ///
    /// @throws AccountException `unauthorized` if the token's subject is not a user id
    public static Caller from(Authentication authentication) {
        UUID id;
        try {
            id = UUID.fromString(authentication.getName());
        } catch (IllegalArgumentException e) {
            throw new AccountException(com.convene.backend.problem.ProblemType.UNAUTHORIZED,
                    "The access token does not identify a user.");
        }
        Role role = authentication.getRoles().contains(Role.ADMIN.wireName()) ? Role.ADMIN : Role.MEMBER;
        return new Caller(id, role);
    }

    /// Whether the caller is an admin.
    public boolean isAdmin() {
        return role == Role.ADMIN;
    }
}
