package com.convene.backend.meeting;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;

/// Meeting settings, prefix `convene.meeting`; defaults in `application.yml`.
///
/// @param publicBaseUrl  externally reachable base URL of this server, without trailing slash, used for the
///                       web join link `<publicBaseUrl>/j/<code>` (env `CONVENE_MEETING_PUBLIC_BASE_URL`)
/// @param joinLinkScheme URI scheme of the desktop deep link `<scheme>://join/<code>` (default `convene`)
/// @param listLimit      most meetings one `GET /api/v1/meetings` returns, 1–500 (default 200)
/// @param passwordMinLength shortest meeting password accepted on create and update, 4–128 characters (default 8,
///                       NIST SP 800-63B §5.1.1.1's minimum for memorized secrets; docs/decisions/093-rate-limits.md);
///                       shorter gives a typed 400 `validation` on `password`
@ConfigurationProperties("convene.meeting")
public record MeetingConfig(
        @Bindable(defaultValue = "http://localhost:8080") @NotBlank String publicBaseUrl,
        @Bindable(defaultValue = "convene") @NotBlank String joinLinkScheme,
        @Bindable(defaultValue = "200") @Min(1) @Max(500) int listLimit,
        @Bindable(defaultValue = "8") @Min(4) @Max(128) int passwordMinLength) {
}
