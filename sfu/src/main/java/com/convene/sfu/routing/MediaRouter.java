package com.convene.sfu.routing;

import com.convene.sfu.DropReason;
import com.convene.sfu.SfuStats;
import com.convene.sfu.dtls.DtlsCertificate;
import com.convene.sfu.dtls.DtlsRecords;
import com.convene.sfu.ice.IceLiteAgent;
import com.convene.sfu.rtcp.RtcpPackets;
import com.convene.sfu.rtp.RetransmissionBuffer;
import com.convene.sfu.rtp.RtpHeader;
import com.convene.sfu.rtp.RtxPackets;
import com.convene.sfu.srtp.PacketBuffer;
import com.convene.sfu.srtp.SrtpKeys;
import com.convene.sfu.srtp.SrtpSession;
import com.convene.sfu.transport.DatagramHandler;
import com.convene.sfu.transport.PacketClass;
import com.convene.sfu.transport.UdpSocketLoop;
import java.net.InetSocketAddress;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/// The media path (STYLE.md §4): demux, ICE-lite, DTLS hand-off, SRTP unprotect, validation, forwarding to every
/// subscriber of a track with per-subscriber SRTP protection, key-frame request relay, and loss repair for video
/// with NACK: gaps in a publisher's stream are NACKed to the publisher (which retransmits on the media SSRC), and
/// subscribers' NACKs are answered from the track's [RetransmissionBuffer] on the RTX stream (RFC 4585 §6.2.1,
/// RFC 4588). Publishers get a receiver report about once a second (RFC 3550 §6.4.2) for their bandwidth
/// estimation and round-trip time.
///
/// Confined to the socket event loop, except [#newTransport], [#execute] and [#stats], which are thread-safe.
/// Never throws per packet: every drop is counted by [DropReason].
public final class MediaRouter implements DatagramHandler {
    private static final Logger LOG = LoggerFactory.getLogger(MediaRouter.class);
    /// SSRC the SFU uses as sender of the PLIs it generates ("SFU1").
    static final int SFU_SSRC = 0x53465531;

    private final UdpSocketLoop loop;
    private final DtlsCertificate certificate;
    private final long pliThrottleNanos;
    private final Map<String, PeerTransport> transportsByUfrag = new ConcurrentHashMap<>();
    private final Map<InetSocketAddress, PeerTransport> transportsByAddress = new HashMap<>();
    private final IceLiteAgent ice = new IceLiteAgent(transportsByUfrag::get);
    private final AtomicLongArray drops = new AtomicLongArray(DropReason.values().length);
    private final AtomicLong packetsForwarded = new AtomicLong();
    private final AtomicLong bytesForwarded = new AtomicLong();
    private final AtomicLong rtpPacketsLost = new AtomicLong();
    private final AtomicLong nacksReceived = new AtomicLong();
    private final AtomicLong nackedPackets = new AtomicLong();
    private final AtomicLong plisReceived = new AtomicLong();
    private final AtomicLong plisSent = new AtomicLong();
    private final AtomicLong nacksSent = new AtomicLong();
    private final AtomicLong receiverReportsSent = new AtomicLong();
    private final AtomicLong retransmissionsSent = new AtomicLong();
    private final AtomicLong retransmissionMisses = new AtomicLong();
    private final PacketBuffer inbound = new PacketBuffer();
    private final PacketBuffer outbound = new PacketBuffer();
    private final PacketBuffer feedback = new PacketBuffer();

    /// Creates the router.
    ///
    /// @param loop             the socket loop it runs on
    /// @param certificate      our DTLS certificate
    /// @param pliThrottleNanos minimum gap between PLIs relayed for one track, in ns
    public MediaRouter(UdpSocketLoop loop, DtlsCertificate certificate, long pliThrottleNanos) {
        this.loop = loop;
        this.certificate = certificate;
        this.pliThrottleNanos = pliThrottleNanos;
    }

    /// Creates and registers a transport so its ICE checks are answered. Thread-safe.
    ///
    /// @param name        for logs
    /// @param role        publish or subscribe
    /// @param onConnected run once on the DTLS thread when SRTP keys are ready
    public PeerTransport newTransport(String name, PeerTransport.Role role, Runnable onConnected) {
        PeerTransport transport = new PeerTransport(name, role, this, onConnected);
        transportsByUfrag.put(transport.localCredentials().ufrag(), transport);
        return transport;
    }

    /// Creates a route for a publisher's track; it forwards nowhere until subscribers are added.
    public TrackRoute newRoute(PeerTransport publisher, com.convene.sfu.PublishedTrack track,
            com.convene.sfu.sdp.OfferedTrack offered) {
        return new TrackRoute(publisher, track, offered, pliThrottleNanos);
    }

    /// Runs a task on the loop. Thread-safe, never blocks.
    public void execute(Runnable task) {
        if (!loop.execute(task)) {
            LOG.error("SFU loop queue full: routing update lost");
        }
    }

    /// Replaces the tracks a publisher transport sends. Thread-safe: runs on the loop.
    public void setPublished(PeerTransport publisher, TrackRoute[] routes) {
        TrackRoute[] copy = routes.clone();
        execute(() -> {
            for (TrackRoute old : publisher.published()) {
                boolean kept = false;
                for (TrackRoute route : copy) {
                    kept |= route == old;
                }
                if (!kept) {
                    old.clearSubscribers();
                    endTap(old);
                }
            }
            publisher.published(copy);
        });
    }

    /// Replaces the tracks a subscriber transport receives; asks publishers of newly added video for a key frame.
    /// Thread-safe: runs on the loop.
    public void setSubscribed(PeerTransport subscriber, TrackRoute[] routes) {
        TrackRoute[] copy = routes.clone();
        execute(() -> {
            if (subscriber.closed()) {
                return;
            }
            for (TrackRoute old : subscriber.subscribed()) {
                boolean kept = false;
                for (TrackRoute route : copy) {
                    kept |= route == old;
                }
                if (!kept) {
                    old.removeSubscriber(subscriber);
                }
            }
            long now = System.nanoTime();
            for (TrackRoute route : copy) {
                boolean isNew = true;
                for (TrackRoute old : subscriber.subscribed()) {
                    isNew &= route != old;
                }
                route.addSubscriber(subscriber);
                if (isNew && route.isVideo() && subscriber.srtp() != null) {
                    requestKeyFrame(route, now, true);
                }
            }
            subscriber.subscribed(copy);
        });
    }

    /// Unregisters a transport and closes its DTLS and SRTP state. Thread-safe: runs on the loop.
    public void remove(PeerTransport transport) {
        transportsByUfrag.remove(transport.localCredentials().ufrag());
        transport.dtls().close();
        execute(() -> {
            transport.markClosed();
            transportsByAddress.values().removeIf(t -> t == transport);
            for (TrackRoute route : transport.published()) {
                route.clearSubscribers();
                endTap(route);
            }
            for (TrackRoute route : transport.subscribed()) {
                route.removeSubscriber(transport);
            }
            transport.published(new TrackRoute[0]);
            transport.subscribed(new TrackRoute[0]);
            SrtpSession srtp = transport.srtp();
            if (srtp != null) {
                srtp.close();
            }
        });
    }

    /// Starts a recording tap over `routes` (and any route later passed to [#attachTap]). Thread-safe.
    ///
    /// @param sink     receives the packets on `executor`
    /// @param capacity pooled packet buffers, 16–65,536
    /// @param executor runs the tap's consumer; one of its threads is busy until the tap closes
    public RtpTap startTap(TrackRecorderSink sink, int capacity, java.util.concurrent.Executor executor) {
        RtpTap tap = new RtpTap(this, sink, capacity);
        tap.start(executor);
        return tap;
    }

    /// Makes `route`'s packets flow into `tap`. Thread-safe: runs on the loop.
    public void attachTap(TrackRoute route, RtpTap tap) {
        tap.attached(route);
        execute(() -> {
            if (route.tap() != tap && !tap.isClosing()) {
                route.tap(tap);
                requestKeyFrame(route, System.nanoTime(), true);
            }
        });
    }

    /// Detaches `tap` from `routes` and closes it once the loop has let go of it; its sink then drains and closes.
    /// Thread-safe: runs on the loop.
    public void stopTap(RtpTap tap, java.util.List<TrackRoute> routes) {
        boolean queued = loop.execute(() -> {
            for (TrackRoute route : routes) {
                if (route.tap() == tap) {
                    route.tap(null);
                }
            }
            tap.close();
        });
        if (!queued) {
            tap.close(); // the loop is gone or jammed: nothing feeds the tap any more, let its sink finish
        }
    }

    void requestKeyFrameForTap(TrackRoute route) {
        execute(() -> requestKeyFrame(route, System.nanoTime(), false));
    }

    private static void endTap(TrackRoute route) {
        RtpTap tap = route.tap();
        if (tap != null) {
            route.tap(null);
            tap.offerEnded(route);
        }
    }

    /// A snapshot of the counters. Thread-safe.
    public SfuStats stats() {
        EnumMap<DropReason, Long> counts = new EnumMap<>(DropReason.class);
        for (DropReason reason : DropReason.values()) {
            counts.put(reason, drops.get(reason.ordinal()));
        }
        return new SfuStats(counts, loop.packetsReceived(), loop.bytesReceived(), packetsForwarded.get(),
                bytesForwarded.get(), rtpPacketsLost.get(), nacksReceived.get(), nackedPackets.get(),
                plisReceived.get(), plisSent.get(), nacksSent.get(), retransmissionsSent.get(),
                retransmissionMisses.get(), receiverReportsSent.get());
    }

    DtlsCertificate certificate() {
        return certificate;
    }

    UdpSocketLoop loop() {
        return loop;
    }

    /// Called on the loop by a transport after a valid ICE check.
    void bind(PeerTransport transport, InetSocketAddress source, boolean nominated) {
        if (transport.closed()) {
            return;
        }
        InetSocketAddress current = transport.address();
        if (current == null || (nominated && !current.equals(source))) {
            if (current != null) {
                transportsByAddress.remove(current, transport);
            }
            transport.address(source);
            LOG.debug("ICE bound transport={} address={} nominated={}", transport.name(), source, nominated);
        }
        transportsByAddress.putIfAbsent(source, transport);
    }

    /// Called on a DTLS thread when keys are exported.
    void onSrtpKeys(PeerTransport transport, SrtpKeys keys) {
        execute(() -> {
            if (transport.closed()) {
                return;
            }
            transport.srtp(new SrtpSession(keys));
            long now = System.nanoTime();
            for (TrackRoute route : transport.subscribed()) {
                if (route.isVideo()) {
                    requestKeyFrame(route, now, true);
                }
            }
        });
        transport.onConnected().run();
    }

    @Override
    public void onDatagram(byte[] buffer, int length, InetSocketAddress source, long arrivalNanos) {
        DropReason reason = switch (PacketClass.of(buffer, 0, length)) {
            case STUN -> handleStun(buffer, length, source);
            case DTLS -> handleDtls(buffer, length, source);
            case RTP_RTCP -> handleMedia(buffer, length, source, arrivalNanos);
            case UNKNOWN -> DropReason.UNKNOWN_PROTOCOL;
        };
        if (reason != null) {
            drop(reason);
        }
    }

    private void drop(DropReason reason) {
        drops.incrementAndGet(reason.ordinal());
    }

    private @Nullable DropReason handleStun(byte[] buffer, int length, InetSocketAddress source) {
        DropReason reason = ice.handle(buffer, 0, length, source);
        if (reason == null && !loop.sendFromLoop(ice.response().buffer(), 0, ice.response().length(), source)) {
            return DropReason.SEND_FAILED;
        }
        return reason;
    }

    private @Nullable DropReason handleDtls(byte[] buffer, int length, InetSocketAddress source) {
        PeerTransport transport = transportsByAddress.get(source);
        if (transport == null) {
            return DropReason.UNKNOWN_SOURCE;
        }
        if (!DtlsRecords.isWellFormed(buffer, 0, length)) {
            return DropReason.MALFORMED_DTLS;
        }
        return transport.dtls().offer(buffer, 0, length) ? null : DropReason.DTLS_QUEUE_FULL;
    }

    private @Nullable DropReason handleMedia(byte[] buffer, int length, InetSocketAddress source, long nowNanos) {
        PeerTransport transport = transportsByAddress.get(source);
        if (transport == null) {
            return DropReason.UNKNOWN_SOURCE;
        }
        boolean rtcp = RtpHeader.isRtcp(buffer, 0, length);
        if (rtcp ? length < 8 || (buffer[0] & 0xC0) != 0x80 : RtpHeader.headerLength(buffer, 0, length) < 0) {
            return rtcp ? DropReason.MALFORMED_RTCP : DropReason.MALFORMED_RTP;
        }
        SrtpSession srtp = transport.srtp();
        if (srtp == null) {
            return DropReason.SRTP_NOT_READY;
        }
        return rtcp ? handleRtcp(transport, srtp, buffer, length, nowNanos)
                : handleRtp(transport, srtp, buffer, length, nowNanos);
    }

    private @Nullable DropReason handleRtp(PeerTransport transport, SrtpSession srtp, byte[] buffer, int length,
            long nowNanos) {
        int ssrc = RtpHeader.ssrc(buffer, 0);
        TrackRoute route = transport.findPublished(ssrc);
        if (route == null) {
            return DropReason.UNKNOWN_SSRC;
        }
        inbound.copyFrom(buffer, 0, length);
        DropReason reason = srtp.unprotectRtp(inbound, ssrc);
        if (reason != null) {
            return reason;
        }
        byte[] clear = inbound.getBuffer();
        int clearLength = inbound.getLength();
        if (!RtpHeader.isValid(clear, inbound.getOffset(), clearLength)) {
            return DropReason.MALFORMED_RTP;
        }
        if (RtpHeader.payloadType(clear, inbound.getOffset()) != route.payloadType()) {
            return DropReason.UNKNOWN_PAYLOAD_TYPE;
        }
        int sequenceNumber = RtpHeader.sequenceNumber(clear, inbound.getOffset());
        route.reception().onPacket(sequenceNumber, RtpHeader.timestamp(clear, inbound.getOffset()), nowNanos);
        int missing = route.sequenceGaps().record(sequenceNumber);
        RetransmissionBuffer history = route.history();
        if (missing > 0) {
            rtpPacketsLost.addAndGet(missing);
            if (history != null) {
                requestRetransmission(route, (sequenceNumber - missing) & 0xFFFF, missing);
            }
        }
        if (history != null) {
            history.store(clear, inbound.getOffset(), clearLength, sequenceNumber);
        }
        RtpTap tap = route.tap();
        if (tap != null) {
            tap.offerRtp(route, clear, inbound.getOffset(), clearLength, nowNanos);
        }
        for (PeerTransport subscriber : route.subscribers()) {
            SrtpSession out = subscriber.srtp();
            InetSocketAddress target = subscriber.address();
            if (out == null || target == null) {
                continue;
            }
            outbound.copyFrom(clear, inbound.getOffset(), clearLength);
            DropReason failure = out.protectRtp(outbound, ssrc);
            if (failure != null) {
                drop(failure);
                continue;
            }
            send(outbound, target);
        }
        if (transport.receiverReportDue(nowNanos)) {
            sendReceiverReport(transport, srtp, nowNanos);
        }
        return null;
    }

    /// Sends a publisher one receiver report (RFC 3550 §6.4.2) with a block for each stream it publishes, so its
    /// bandwidth estimation learns that its packets arrive and what is lost, and its round trip (LSR/DLSR).
    private void sendReceiverReport(PeerTransport publisher, SrtpSession srtp, long nowNanos) {
        InetSocketAddress target = publisher.address();
        TrackRoute[] routes = publisher.published();
        if (target == null || routes.length == 0) {
            return;
        }
        feedback.copyFrom(feedback.getBuffer(), 0, 0);
        byte[] buffer = feedback.getBuffer();
        int length = 8;
        int blocks = 0;
        for (TrackRoute route : routes) {
            if (blocks == 31) {
                break;
            }
            int written = route.reception().writeReportBlock(buffer, length, route.ssrc(), nowNanos);
            length += written;
            blocks += written > 0 ? 1 : 0;
        }
        if (blocks == 0) {
            return;
        }
        RtcpPackets.writeReceiverReportHeader(buffer, 0, SFU_SSRC, blocks);
        feedback.setLength(length);
        sendFeedback(srtp, target, receiverReportsSent);
    }

    private @Nullable DropReason handleRtcp(PeerTransport transport, SrtpSession srtp, byte[] buffer, int length,
            long nowNanos) {
        inbound.copyFrom(buffer, 0, length);
        DropReason reason = srtp.unprotectRtcp(inbound);
        if (reason != null) {
            return reason;
        }
        byte[] clear = inbound.getBuffer();
        int offset = inbound.getOffset();
        int clearLength = inbound.getLength();
        if (!RtcpPackets.isValidCompound(clear, offset, clearLength)) {
            return DropReason.MALFORMED_RTCP;
        }
        if (transport.role() == PeerTransport.Role.PUBLISH) {
            relaySenderReport(transport, clear, offset, clearLength, nowNanos);
            return null;
        }
        int position = offset;
        int end = offset + clearLength;
        while (position < end) {
            int packetLength = RtcpPackets.packetLength(clear, position);
            int packetType = RtcpPackets.packetType(clear, position);
            if (packetType == RtcpPackets.RTPFB && RtcpPackets.format(clear, position) == RtcpPackets.FMT_NACK
                    && packetLength >= RtcpPackets.FEEDBACK_HEADER_LENGTH) {
                nacksReceived.incrementAndGet();
                nackedPackets.addAndGet(RtcpPackets.nackedPackets(clear, position, packetLength));
                TrackRoute route = transport.findSubscribed(RtcpPackets.mediaSsrc(clear, position));
                if (route != null) {
                    retransmit(transport, route, clear, position, packetLength);
                }
            }
            if (packetType == RtcpPackets.PSFB && packetLength >= 12) {
                int format = RtcpPackets.format(clear, position);
                int mediaSsrc = format == RtcpPackets.FMT_PLI ? RtcpPackets.mediaSsrc(clear, position)
                        : format == RtcpPackets.FMT_FIR ? RtcpPackets.firSsrc(clear, position) : 0;
                TrackRoute route = mediaSsrc == 0 ? null : transport.findSubscribed(mediaSsrc);
                if (format == RtcpPackets.FMT_PLI || format == RtcpPackets.FMT_FIR) {
                    plisReceived.incrementAndGet();
                }
                if (route != null) {
                    requestKeyFrame(route, nowNanos, false);
                }
            }
            position += packetLength;
        }
        return null;
    }

    private void relaySenderReport(PeerTransport publisher, byte[] clear, int offset, int length, long nowNanos) {
        if (RtcpPackets.packetType(clear, offset) != RtcpPackets.SR) {
            return;
        }
        int senderSsrc = RtcpPackets.senderSsrc(clear, offset);
        TrackRoute route = publisher.findPublished(senderSsrc);
        if (route == null) {
            drop(DropReason.UNKNOWN_SSRC);
            return;
        }
        if (length >= 28) {
            route.reception().onSenderReport(RtcpPackets.senderReportNtpMiddle(clear, offset), nowNanos);
        }
        RtpTap tap = route.tap();
        if (tap != null) {
            tap.offerSenderReport(route, clear, offset, length, nowNanos);
        }
        for (PeerTransport subscriber : route.subscribers()) {
            SrtpSession out = subscriber.srtp();
            InetSocketAddress target = subscriber.address();
            if (out == null || target == null) {
                continue;
            }
            outbound.copyFrom(clear, offset, length);
            DropReason failure = out.protectRtcp(outbound);
            if (failure != null) {
                drop(failure);
                continue;
            }
            send(outbound, target);
        }
    }

    /// Answers a subscriber's Generic NACK from the route's recent packets, each as an RTX packet on the
    /// subscriber's RTX stream (RFC 4588 §4); packets no longer (or never) held are counted as misses.
    private void retransmit(PeerTransport subscriber, TrackRoute route, byte[] nack, int position, int length) {
        RetransmissionBuffer history = route.history();
        SrtpSession out = subscriber.srtp();
        InetSocketAddress target = subscriber.address();
        if (history == null || !route.offered().retransmits() || out == null || target == null) {
            retransmissionMisses.addAndGet(RtcpPackets.nackedPackets(nack, position, length));
            return;
        }
        int rtxSsrc = route.offered().rtxSsrc();
        int rtxPayloadType = route.offered().codec().rtxPayloadType();
        RtcpPackets.forEachNacked(nack, position, length, sequenceNumber -> {
            byte[] original = history.find(sequenceNumber);
            if (original == null) {
                retransmissionMisses.incrementAndGet();
                return;
            }
            outbound.copyFrom(outbound.getBuffer(), 0, 0);
            int rtxLength = RtxPackets.write(original, history.length(sequenceNumber), rtxPayloadType, rtxSsrc,
                    subscriber.nextRtxSequenceNumber(rtxSsrc), outbound.getBuffer());
            if (rtxLength < 0) {
                retransmissionMisses.incrementAndGet();
                return;
            }
            outbound.setLength(rtxLength);
            DropReason failure = out.protectRtp(outbound, rtxSsrc);
            if (failure != null) {
                drop(failure);
                return;
            }
            if (loop.sendFromLoop(outbound.getBuffer(), outbound.getOffset(), outbound.getLength(), target)) {
                retransmissionsSent.incrementAndGet();
                bytesForwarded.addAndGet(outbound.getLength());
            } else {
                drop(DropReason.SEND_FAILED);
            }
        });
    }

    /// Sends the publisher a Generic NACK for `count` packets from `firstLost` that never reached the SFU; bursts
    /// longer than one NACK names are left to key-frame requests.
    private void requestRetransmission(TrackRoute route, int firstLost, int count) {
        PeerTransport publisher = route.publisher();
        SrtpSession srtp = publisher.srtp();
        InetSocketAddress target = publisher.address();
        if (count > RtcpPackets.MAX_NACKED_IN_ONE_PACKET || srtp == null || target == null || publisher.closed()) {
            return;
        }
        feedback.copyFrom(feedback.getBuffer(), 0, 0);
        feedback.setLength(RtcpPackets.writeNack(feedback.getBuffer(), 0, SFU_SSRC, route.ssrc(), firstLost, count));
        sendFeedback(srtp, target, nacksSent);
    }

    /// Sends a PLI (RFC 4585 §6.3.1) for the route's SSRC to its publisher, unless throttled.
    private void requestKeyFrame(TrackRoute route, long nowNanos, boolean force) {
        boolean allowed = route.pliThrottle().tryAcquire(nowNanos);
        if (!allowed && !force) {
            drop(DropReason.PLI_THROTTLED);
            return;
        }
        PeerTransport publisher = route.publisher();
        SrtpSession srtp = publisher.srtp();
        InetSocketAddress target = publisher.address();
        if (srtp == null || target == null || publisher.closed()) {
            return;
        }
        feedback.copyFrom(feedback.getBuffer(), 0, 0);
        int pliLength = RtcpPackets.writePli(feedback.getBuffer(), 0, SFU_SSRC, route.ssrc());
        feedback.setLength(pliLength);
        sendFeedback(srtp, target, plisSent);
    }

    /// Protects the RTCP packet built in `feedback` for a publisher and sends it, counting it in `sent`.
    private void sendFeedback(SrtpSession srtp, InetSocketAddress target, AtomicLong sent) {
        DropReason failure = srtp.protectRtcp(feedback);
        if (failure != null) {
            drop(failure);
            return;
        }
        if (loop.sendFromLoop(feedback.getBuffer(), feedback.getOffset(), feedback.getLength(), target)) {
            sent.incrementAndGet();
        } else {
            drop(DropReason.SEND_FAILED);
        }
    }

    private void send(PacketBuffer packet, InetSocketAddress target) {
        if (loop.sendFromLoop(packet.getBuffer(), packet.getOffset(), packet.getLength(), target)) {
            packetsForwarded.incrementAndGet();
            bytesForwarded.addAndGet(packet.getLength());
        } else {
            drop(DropReason.SEND_FAILED);
        }
    }

}
