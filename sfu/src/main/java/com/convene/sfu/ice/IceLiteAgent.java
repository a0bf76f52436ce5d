package com.convene.sfu.ice;

import com.convene.sfu.DropReason;
import java.net.InetSocketAddress;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/// The ICE-lite responder (RFC 8445 §2.5): validates Binding requests and writes success responses.
///
/// A lite agent never sends checks; it answers each valid request with XOR-MAPPED-ADDRESS, MESSAGE-INTEGRITY and
/// FINGERPRINT (RFC 8445 §7.3.1.1) and treats USE-CANDIDATE as nomination. Confined to the socket event loop.
public final class IceLiteAgent {
    private final Function<String, @Nullable IceEndpoint> endpointsByLocalUfrag;
    private final StunMessage request = new StunMessage();
    private final StunMessageWriter writer = new StunMessageWriter();
    private final byte[] transactionId = new byte[12];

    /// Creates the agent.
    ///
    /// @param endpointsByLocalUfrag finds the transport named by the first half of USERNAME
    public IceLiteAgent(Function<String, @Nullable IceEndpoint> endpointsByLocalUfrag) {
        this.endpointsByLocalUfrag = endpointsByLocalUfrag;
    }

    /// Handles one datagram already classified as STUN.
    ///
    /// @return null when a response was written to [#response()], else the reason to drop the datagram
    public @Nullable DropReason handle(byte[] buffer, int offset, int length, InetSocketAddress source) {
        if (!request.parse(buffer, offset, length)) {
            return DropReason.MALFORMED_STUN;
        }
        if (request.messageType() != StunMessage.BINDING_REQUEST) {
            return DropReason.UNSUPPORTED_STUN; // responses and indications are not expected by a lite agent
        }
        if (request.hasFingerprint() && !request.verifyFingerprint()) {
            return DropReason.BAD_FINGERPRINT;
        }
        String username = request.username();
        if (username == null || !request.hasMessageIntegrity()) {
            return DropReason.UNSUPPORTED_STUN;
        }
        int colon = username.indexOf(':');
        if (colon <= 0) {
            return DropReason.UNKNOWN_USERNAME;
        }
        IceEndpoint endpoint = endpointsByLocalUfrag.apply(username.substring(0, colon));
        if (endpoint == null) {
            return DropReason.UNKNOWN_USERNAME;
        }
        String remoteUfrag = endpoint.remoteUfrag();
        if (remoteUfrag != null && !username.regionMatches(colon + 1, remoteUfrag, 0, remoteUfrag.length())) {
            return DropReason.UNKNOWN_USERNAME;
        }
        if (!request.verifyMessageIntegrity(endpoint.integrityMac())) {
            return DropReason.BAD_MESSAGE_INTEGRITY;
        }
        boolean nominated = request.has(StunAttributeType.USE_CANDIDATE);
        request.copyTransactionId(transactionId, 0);
        writer.start(StunMessage.BINDING_SUCCESS, transactionId)
                .xorMappedAddress(source)
                .messageIntegrity(endpoint.integrityMac())
                .fingerprint();
        endpoint.onValidCheck(source, nominated);
        return null;
    }

    /// The response written by the last successful [#handle]; valid until the next call.
    public StunMessageWriter response() {
        return writer;
    }
}
