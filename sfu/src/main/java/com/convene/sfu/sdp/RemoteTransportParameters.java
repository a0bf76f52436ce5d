package com.convene.sfu.sdp;

import com.convene.sfu.SdpException;
import java.util.Locale;

/// The ICE and DTLS parameters of a client's description (RFC 8839 §5.4, RFC 8122 §5, RFC 5763 §5).
///
/// @param iceUfrag    remote ice-ufrag
/// @param icePwd      remote ice-pwd (unused by a lite agent, kept for completeness; never log it)
/// @param fingerprint sha-256 fingerprint of the client's DTLS certificate, upper-case hex with colons
/// @param setup       the `a=setup` role: `active`, `passive` or `actpass`
public record RemoteTransportParameters(String iceUfrag, String icePwd, String fingerprint, String setup) {

    /// Reads the parameters of the first bundled media section, falling back to session level.
    ///
    /// @throws SdpException when any is missing or not sha-256
    static RemoteTransportParameters of(SessionDescription description, MediaDescription section) {
        String ufrag = description.attribute(section, "ice-ufrag");
        String pwd = description.attribute(section, "ice-pwd");
        if (ufrag == null || pwd == null || ufrag.length() < 4 || pwd.length() < 22) {
            throw new SdpException(SdpException.Reason.MISSING_ICE_CREDENTIALS, "ice-ufrag/ice-pwd missing or short");
        }
        String fingerprint = description.attribute(section, "fingerprint");
        if (fingerprint == null || !fingerprint.toLowerCase(Locale.ROOT).startsWith("sha-256 ")) {
            throw new SdpException(SdpException.Reason.MISSING_FINGERPRINT, "no sha-256 fingerprint");
        }
        String setup = description.attribute(section, "setup");
        if (setup == null) {
            setup = "actpass";
        }
        return new RemoteTransportParameters(ufrag, pwd, fingerprint.substring(8).trim().toUpperCase(Locale.ROOT),
                setup);
    }

    @Override
    public String toString() {
        return "RemoteTransportParameters[ufrag=" + iceUfrag + ", setup=" + setup + "]";
    }
}
