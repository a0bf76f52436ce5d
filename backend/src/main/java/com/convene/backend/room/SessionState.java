package com.convene.backend.room;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/// The JSON value of `session:{session_id}` (seed 000): one participant's connection state.
///
/// @param userId          the account, or `null` for a guest
/// @param meetingId       the meeting
/// @param connectionId    signaling / WebRTC connection id
/// @param joinedAt        join instant, ISO-8601
/// @param isMuted         microphone muted
/// @param isVideoOn       camera on
/// @param peerConnections ids of this participant's peer connections
/// @param iceCandidates   ICE candidate lines (RFC 8839 §5.1), most recent last
/// @param sdpOffer        last SDP offer (RFC 8866), or `null`
/// @param sdpAnswer       last SDP answer, or `null`
public record SessionState(
        @JsonProperty("user_id") @Nullable UUID userId,
        @JsonProperty("meeting_id") UUID meetingId,
        @JsonProperty("connection_id") @Nullable String connectionId,
        @JsonProperty("joined_at") Instant joinedAt,
        @JsonProperty("is_muted") boolean isMuted,
        @JsonProperty("is_video_on") boolean isVideoOn,
        @JsonProperty("peer_connections") List<String> peerConnections,
        @JsonProperty("ice_candidates") List<String> iceCandidates,
        @JsonProperty("sdp_offer") @Nullable String sdpOffer,
        @JsonProperty("sdp_answer") @Nullable String sdpAnswer) {

    public SessionState {
        peerConnections = peerConnections == null ? List.of() : List.copyOf(peerConnections);
        iceCandidates = iceCandidates == null ? List.of() : List.copyOf(iceCandidates);
    }

    /// Hides SDP bodies (they carry ICE credentials and DTLS fingerprints) from logs.
    @Override
    public String toString() {
        return "SessionState[userId=" + userId + ", meetingId=" + meetingId + ", connectionId=" + connectionId
                + ", joinedAt=" + joinedAt + ", isMuted=" + isMuted + ", isVideoOn=" + isVideoOn + "]";
    }
}
