package com.convene.sfu.sdp;

import java.util.List;

/// What the SFU announces about one of its transports in SDP.
///
/// @param iceUfrag    local ice-ufrag
/// @param icePwd      local ice-pwd
/// @param fingerprint sha-256 fingerprint of our DTLS certificate
/// @param addresses   advertised host candidate addresses
/// @param port        the UDP port, 1–65,535
public record LocalTransportParameters(String iceUfrag, String icePwd, String fingerprint, List<String> addresses,
        int port) {

    /// Copies the list.
    public LocalTransportParameters {
        addresses = List.copyOf(addresses);
    }

    /// Appends the ICE, DTLS and candidate lines of one media section (RFC 8839 §5, RFC 8842 §5).
    void appendTo(StringBuilder sdp, String setup) {
        String firstAddress = addresses.getFirst();
        sdp.append("c=IN ").append(firstAddress.contains(":") ? "IP6 " : "IP4 ").append(firstAddress).append("\r\n");
        sdp.append("a=ice-ufrag:").append(iceUfrag).append("\r\n");
        sdp.append("a=ice-pwd:").append(icePwd).append("\r\n");
        sdp.append("a=fingerprint:sha-256 ").append(fingerprint).append("\r\n");
        sdp.append("a=setup:").append(setup).append("\r\n");
        int foundation = 1;
        for (String address : addresses) {
            // priority: type preference 126 (host), local preference decreasing by address order, component 1
            long priority = (126L << 24) | ((65_536L - foundation) << 8) | 255;
            sdp.append("a=candidate:").append(foundation).append(" 1 udp ").append(priority).append(' ')
                    .append(address).append(' ').append(port).append(" typ host\r\n");
            foundation++;
        }
        sdp.append("a=end-of-candidates\r\n");
    }
}
