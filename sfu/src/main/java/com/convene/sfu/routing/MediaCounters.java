package com.convene.sfu.routing;

import java.util.concurrent.atomic.AtomicLong;

/// The media path's monotonic counters other than drops; their meaning is documented on
/// [com.convene.sfu.SfuStats]. Written on the socket loop, read from any thread.
final class MediaCounters {
    final AtomicLong packetsForwarded = new AtomicLong();
    final AtomicLong bytesForwarded = new AtomicLong();
    final AtomicLong rtpPacketsLost = new AtomicLong();
    final AtomicLong nacksReceived = new AtomicLong();
    final AtomicLong nackedPackets = new AtomicLong();
    final AtomicLong plisReceived = new AtomicLong();
    final AtomicLong plisSent = new AtomicLong();
    final AtomicLong nacksSent = new AtomicLong();
    final AtomicLong receiverReportsSent = new AtomicLong();
    final AtomicLong retransmissionsSent = new AtomicLong();
    final AtomicLong retransmissionMisses = new AtomicLong();
    final AtomicLong transportCcFeedbacksSent = new AtomicLong();
    /// Packets kept before the SRTP keys and run through the path once they came ([EarlyPackets]).
    final AtomicLong earlyPacketsReplayed = new AtomicLong();
}
