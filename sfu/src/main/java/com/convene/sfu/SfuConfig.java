package com.convene.sfu;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/// Configuration of one SFU instance: the single UDP port all media uses and the addresses put in SDP candidates.
///
/// @param bindAddress         local IP address to bind the UDP socket to, e.g. `0.0.0.0` or `127.0.0.2`
/// @param udpPort             UDP port, 0–65,535; 0 picks an ephemeral port (read it back with [SfuServer#port()])
/// @param advertisedAddresses IP addresses announced as `typ host` candidates, at least one, in priority order
/// @param pliThrottle         minimum interval between two PLIs relayed to a publisher for one SSRC, 0–10 s
public record SfuConfig(String bindAddress, int udpPort, List<String> advertisedAddresses, Duration pliThrottle) {

    /// Validates every component.
    public SfuConfig {
        Objects.requireNonNull(bindAddress, "bindAddress");
        if (bindAddress.isBlank()) {
            throw new IllegalArgumentException("bindAddress must not be blank");
        }
        if (udpPort < 0 || udpPort > 65_535) {
            throw new IllegalArgumentException("udpPort must be 0-65535, got " + udpPort);
        }
        advertisedAddresses = List.copyOf(Objects.requireNonNull(advertisedAddresses, "advertisedAddresses"));
        if (advertisedAddresses.isEmpty()) {
            throw new IllegalArgumentException("advertisedAddresses must not be empty");
        }
        for (String address : advertisedAddresses) {
            if (address.isBlank() || address.chars().anyMatch(Character::isWhitespace)) {
                throw new IllegalArgumentException("invalid advertised address: '" + address + "'");
            }
        }
        Objects.requireNonNull(pliThrottle, "pliThrottle");
        if (pliThrottle.isNegative() || pliThrottle.compareTo(Duration.ofSeconds(10)) > 0) {
            throw new IllegalArgumentException("pliThrottle must be 0-10 s, got " + pliThrottle);
        }
    }

    /// A loopback configuration on an ephemeral port with a 500 ms PLI throttle, for tests.
    ///
    /// @param address the address to bind and advertise
    /// @return the configuration
    public static SfuConfig loopback(String address) {
        return new SfuConfig(address, 0, List.of(address), Duration.ofMillis(500));
    }
}
