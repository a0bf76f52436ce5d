package com.convene.model.api;

/// Body of `PATCH /api/v1/users/me`: absent (`null`) fields stay as they are.
///
/// @param displayName 1–200 characters
/// @param timeZone    IANA zone id such as `Europe/Berlin`
/// @param language    BCP 47 language tag such as `en` or `de-CH`, at most 10 characters
/// @param avatarUrl   absolute `http`/`https` URL, at most 2,000 characters; `""` removes the avatar
public record ProfileUpdateRequest(String displayName, String timeZone, String language, String avatarUrl) {
}
