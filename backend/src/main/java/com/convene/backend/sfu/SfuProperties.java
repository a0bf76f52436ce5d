package com.convene.backend.sfu;

import io.micronaut.context.annotation.ConfigurationProperties;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.util.List;

/// SFU settings, prefix `convene.sfu` (env: `CONVENE_SFU_UDP_PORT`, `CONVENE_SFU_BIND_ADDRESS`,
/// `CONVENE_SFU_ADVERTISED_ADDRESSES` comma-separated, `CONVENE_SFU_PLI_THROTTLE`).
/// @param bindAddress         local address of the media UDP socket, e.g. `0.0.0.0`
/// @param udpPort             media UDP port, 0–65535 (0 picks a free port; tests only)
/// @param advertisedAddresses addresses put in ICE host candidates, reachable by clients (RFC 8445 §5.1.1)
/// @param pliThrottle         shortest gap between PLIs relayed to one publisher's video track, 0–10 s
@ConfigurationProperties("convene.sfu")
public record SfuProperties(
    @NotBlank String bindAddress,
    @Min(0) @Max(65535) int udpPort,
    @NotEmpty List<String> advertisedAddresses,
    @NotNull Duration pliThrottle) {}
