package com.convene.sfu.sdp;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/// One parsed `m=` section (RFC 8866 §5.14) with its attribute lines in order.
///
/// @param media      media name: `audio`, `video`, `application`, ...
/// @param port       port, 0–65,535; 0 means rejected
/// @param protocol   transport protocol, e.g. `UDP/TLS/RTP/SAVPF`
/// @param formats    format list (payload types for RTP)
/// @param attributes `a=` lines as name/value pairs, in order
public record MediaDescription(String media, int port, String protocol, List<String> formats,
        List<SdpAttribute> attributes) {

    /// Copies the lists.
    public MediaDescription {
        formats = List.copyOf(formats);
        attributes = List.copyOf(attributes);
    }

    /// The first value of an attribute, `""` for a flag, or null when absent.
    public @Nullable String attribute(String name) {
        for (SdpAttribute attribute : attributes) {
            if (attribute.name().equals(name)) {
                return attribute.value();
            }
        }
        return null;
    }

    /// All values of an attribute, in order.
    public List<String> attributes(String name) {
        List<String> values = new ArrayList<>();
        for (SdpAttribute attribute : attributes) {
            if (attribute.name().equals(name)) {
                values.add(attribute.value());
            }
        }
        return values;
    }

    /// Whether a flag or valued attribute is present.
    public boolean has(String name) {
        return attribute(name) != null;
    }

    /// The direction attribute (RFC 8866 §6.7), `sendrecv` when none is given.
    public String direction() {
        for (SdpAttribute attribute : attributes) {
            switch (attribute.name()) {
                case "sendrecv", "sendonly", "recvonly", "inactive" -> {
                    return attribute.name();
                }
                default -> { }
            }
        }
        return "sendrecv";
    }
}
