package com.convene.sfu.ice;

import java.net.InetSocketAddress;
import javax.crypto.Mac;
import org.jspecify.annotations.Nullable;

/// The ICE side of one peer transport as the [IceLiteAgent] sees it. Confined to the socket event loop.
public interface IceEndpoint {

    /// Local credentials announced in our SDP.
    IceCredentials localCredentials();

    /// The remote ice-ufrag from the peer's SDP, or null while it is not known yet (the subscriber's answer may
    /// arrive after its first checks).
    @Nullable String remoteUfrag();

    /// HMAC-SHA1 keyed with the local ice-pwd, reused for every check.
    Mac integrityMac();

    /// Called after a check passed integrity: binds `source` to this transport (RFC 8445 §7.3.1.4).
    ///
    /// @param source    the checked remote address
    /// @param nominated whether the request carried USE-CANDIDATE (RFC 8445 §7.3.1.5)
    void onValidCheck(InetSocketAddress source, boolean nominated);
}
