package com.convene.sfu;

/// Callbacks from the SFU to the signaling layer for one participant.
///
/// Called on SFU threads (the socket event loop, a DTLS thread or the caller of a room method): implementations must
/// not block and must not call back into the SFU synchronously for long work; hand the event to your own executor.
public interface SfuListener {

    /// A new subscriber offer to deliver to the client; answer with [SfuParticipant#acceptSubscriberAnswer(String)].
    /// Never called again before that answer arrives.
    ///
    /// @param sdpOffer the SDP offer (RFC 8866)
    void onSubscriberOffer(String sdpOffer);

    /// Another participant published a track in the room.
    ///
    /// @param track the track
    void onTrackPublished(PublishedTrack track);

    /// A track of another participant went away.
    ///
    /// @param track the track
    void onTrackUnpublished(PublishedTrack track);

    /// The room's dominant speaker changed (docs/media-quality.md "Dominant speaker"); also called once at join when
    /// the room already has one. Called on the SFU's socket loop: hand it to your own executor.
    ///
    /// @param participantId the participant now speaking, possibly this listener's own
    default void onDominantSpeaker(String participantId) {
    }

    /// DTLS on the publish transport completed; media from the client can now flow.
    default void onPublisherConnected() {
    }

    /// DTLS on the subscribe transport completed; media to the client can now flow.
    default void onSubscriberConnected() {
    }
}
