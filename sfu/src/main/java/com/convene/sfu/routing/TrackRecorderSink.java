package com.convene.sfu.routing;

import com.convene.sfu.PublishedTrack;

/// Receives the decrypted media of a room's publishers while the room is tapped (recording); implemented outside
/// the SFU (the backend's `recording` package), so the SFU never depends on who records.
///
/// Every method is called on the one thread of the executor given to [RtpTap], in the order the socket loop saw
/// the packets, never on the socket loop itself. The byte arrays are pooled and valid only during the call.
public interface TrackRecorderSink {

    /// One decrypted RTP packet (RFC 3550 §5.1), header included, SRTP trailer removed.
    ///
    /// @param track        the publisher's track
    /// @param packet       buffer holding the packet at offset 0
    /// @param length       packet length in bytes, 12–1,600
    /// @param arrivalNanos [System#nanoTime()] when the datagram arrived
    void onRtp(PublishedTrack track, byte[] packet, int length, long arrivalNanos);

    /// A sender report of the track's SSRC (RFC 3550 §6.4.1): the publisher's wall clock for one RTP timestamp.
    ///
    /// @param track        the publisher's track
    /// @param ntpTimestamp 64-bit NTP timestamp (seconds since 1900 in the high 32 bits, fraction in the low 32)
    /// @param rtpTimestamp the RTP timestamp of the same instant, unsigned 32 bits in a long
    /// @param arrivalNanos [System#nanoTime()] when the report arrived
    void onSenderReport(PublishedTrack track, long ntpTimestamp, long rtpTimestamp, long arrivalNanos);

    /// The track was unpublished (screen share stopped, camera removed, publisher left); no more packets follow.
    ///
    /// @param track the track
    void onTrackEnded(PublishedTrack track);

    /// The tap was stopped and every queued packet delivered; the last call.
    ///
    /// @param droppedPackets packets dropped because the hand-off queue was full, over the tap's life
    void onTapClosed(long droppedPackets);
}
