package com.convene.sfu.routing;

import com.convene.sfu.DropReason;
import com.convene.sfu.SfuStats;
import com.convene.sfu.dtls.DtlsCertificate;
import com.convene.sfu.ice.IceLiteAgent;
import com.convene.sfu.rtp.RtpHeader;
import com.convene.sfu.srtp.SrtpKeys;
import com.convene.sfu.srtp.SrtpSession;
import com.convene.sfu.transport.DatagramHandler;
import com.convene.sfu.transport.PacketClass;
import com.convene.sfu.transport.UdpSocketLoop;
import java.net.InetSocketAddress;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/// The media path (STYLE.md §4, docs/architecture.md "Media path") and its control: transports, routes and taps.
///
/// Each datagram is demultiplexed by its first byte (RFC 7983) into one of four one-way [StageChain]s:
/// - `stun`: [IceStage] answers ICE-lite checks and binds addresses;
/// - `dtls`: [TransportLookupStage] → [DtlsStage] hands records to the handshake;
/// - `rtp`: [TransportLookupStage] → [RtpDecryptStage] → [TransportCcStage] (feedback to the publisher) →
///   [AudioLevelStage] (dominant speaker) → [ReceiveStage] (statistics, upstream NACK, retransmission
///   cache) → [TapStage] (recording) → [ForwardStage] (per-subscriber [SubscriberSender]: SRTP protect, UDP out) →
///   [ReceiverReportStage];
/// - `rtcp`: [TransportLookupStage] → [RtcpDecryptStage] → [RtcpFeedbackStage], which hands each feedback packet to
///   its job ([SenderReportRelay], [NackResponder], [KeyFrameRequester]).
///
/// Feedback the SFU writes itself goes out through [RtcpSender]; nothing calls a stage backwards. Every stage counts
/// its drops by [DropReason] ([#stageDrops()]), and the media path's totals are in [#stats()].
///
/// Confined to the socket event loop, except [#newTransport], [#execute], [#stats] and [#stageDrops], which are
/// thread-safe, and the control methods, which queue their work onto the loop. Never throws per packet.
public final class MediaRouter implements DatagramHandler {
    private static final Logger LOG = LoggerFactory.getLogger(MediaRouter.class);
    /// SSRC the SFU uses as sender of the RTCP it generates ("SFU1").
    static final int SFU_SSRC = RtcpSender.SFU_SSRC;

    private final UdpSocketLoop loop;
    private final DtlsCertificate certificate;
    private final long pliThrottleNanos;
    private final Map<String, PeerTransport> transportsByUfrag = new ConcurrentHashMap<>();
    private final Map<InetSocketAddress, PeerTransport> transportsByAddress = new HashMap<>();
    private final IceLiteAgent ice = new IceLiteAgent(transportsByUfrag::get);
    private final DropCounters pathDrops = new DropCounters();
    private final DropCounters demuxDrops = new DropCounters();
    private final MediaCounters counters = new MediaCounters();
    private final PacketContext packet = new PacketContext();
    private final RtcpSender rtcpSender;
    private final SubscriberSender subscriberSender;
    private final KeyFrameRequester keyFrames;
    private final StageChain stunChain;
    private final StageChain dtlsChain;
    private final StageChain rtpChain;
    private final StageChain rtcpChain;

    /// Creates the router.
    ///
    /// @param loop             the socket loop it runs on
    /// @param certificate      our DTLS certificate
    /// @param pliThrottleNanos minimum gap between PLIs relayed for one track, in ns
    public MediaRouter(UdpSocketLoop loop, DtlsCertificate certificate, long pliThrottleNanos) {
        this.loop = loop;
        this.certificate = certificate;
        this.pliThrottleNanos = pliThrottleNanos;
        this.rtcpSender = new RtcpSender(loop, pathDrops);
        this.subscriberSender = new SubscriberSender(loop, pathDrops, counters);
        this.keyFrames = new KeyFrameRequester(rtcpSender, pathDrops, counters);
        TransportLookupStage lookup = new TransportLookupStage(transportsByAddress);
        this.stunChain = new StageChain("stun", pathDrops, List.of(new IceStage(ice, loop)));
        this.dtlsChain = new StageChain("dtls", pathDrops, List.of(lookup, new DtlsStage()));
        this.rtpChain = new StageChain("rtp", pathDrops, List.of(lookup, new RtpDecryptStage(),
                new TransportCcStage(rtcpSender, counters), new AudioLevelStage(),
                new ReceiveStage(new NackGenerator(rtcpSender, counters), counters),
                new MutedStage(), // after receive: statistics and the retransmission cache stay current
                new TapStage(keyFrames), new ForwardStage(subscriberSender, keyFrames),
                new ReceiverReportStage(new ReceiverReportSender(rtcpSender, counters))));
        this.rtcpChain = new StageChain("rtcp", pathDrops, List.of(lookup, new RtcpDecryptStage(),
                new RtcpFeedbackStage(new SenderReportRelay(subscriberSender),
                        new NackResponder(subscriberSender, counters), keyFrames, counters)));
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
        setPublished(publisher, routes, 0, 0);
    }

    /// Replaces the tracks a publisher transport sends and sets the transport-wide-cc header extension id it
    /// negotiated (0 for none), for transport-cc feedback ([TransportCcStage]). Thread-safe: runs on the loop.
    ///
    /// @param transportCcExtensionId `a=extmap` id of transport-wide-cc in the answer, 1–255, or 0
    /// @param audioLevelExtensionId  `a=extmap` id of ssrc-audio-level (RFC 6464) in the answer, 1–255, or 0
    public void setPublished(PeerTransport publisher, TrackRoute[] routes, int transportCcExtensionId,
            int audioLevelExtensionId) {
        TrackRoute[] copy = routes.clone();
        execute(() -> {
            publisher.transportCcExtension(transportCcExtensionId);
            publisher.audioLevelExtension(audioLevelExtensionId);
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
                DownTrack downTrack = route.addSubscriber(subscriber);
                if (isNew && route.isVideo() && subscriber.srtp() != null) {
                    requestKeyFrame(route, layerFor(route, downTrack.maxLayer(), now), now, true);
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
                long now = System.nanoTime();
                requestKeyFrame(route, layerFor(route, DownTrack.ALL_LAYERS, now), now, true); // the best running
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

    /// Asks `route`'s publisher for a key frame of its best running layer, at once (not throttled). Thread-safe:
    /// runs on the loop.
    public void requestKeyFrame(TrackRoute route) {
        execute(() -> {
            long now = System.nanoTime();
            requestKeyFrame(route, layerFor(route, DownTrack.ALL_LAYERS, now), now, true);
        });
    }

    void requestKeyFrameForTap(TrackRoute route) {
        execute(() -> {
            long now = System.nanoTime();
            requestKeyFrame(route, layerFor(route, DownTrack.ALL_LAYERS, now), now, false);
        });
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
        EnumMap<DropReason, Long> drops = new EnumMap<>(DropReason.class);
        for (DropReason reason : DropReason.values()) {
            drops.put(reason, pathDrops.get(reason));
        }
        return new SfuStats(drops, loop.packetsReceived(), loop.bytesReceived(), counters.packetsForwarded.get(),
                counters.bytesForwarded.get(), counters.rtpPacketsLost.get(), counters.nacksReceived.get(),
                counters.nackedPackets.get(), counters.plisReceived.get(), counters.plisSent.get(),
                counters.nacksSent.get(), counters.retransmissionsSent.get(), counters.retransmissionMisses.get(),
                counters.receiverReportsSent.get(), counters.transportCcFeedbacksSent.get());
    }

    /// Drops by reason for each stage that dropped anything, keyed `chain/stage` (e.g. `rtp/srtp-decrypt`), plus
    /// `demux`, `send/subscriber`, `send/feedback` and `rtcp/key-frame`. The sum over stages equals
    /// [SfuStats#totalDropped()]. Thread-safe.
    ///
    /// @return an ordered snapshot; reasons with a zero count are left out
    public Map<String, Map<DropReason, Long>> stageDrops() {
        Map<String, Map<DropReason, Long>> result = new LinkedHashMap<>();
        putIfAny(result, "demux", demuxDrops);
        stunChain.snapshot(result);
        dtlsChain.snapshot(result);
        rtpChain.snapshot(result);
        rtcpChain.snapshot(result);
        putIfAny(result, "send/subscriber", subscriberSender.drops());
        putIfAny(result, "send/feedback", rtcpSender.drops());
        putIfAny(result, "rtcp/key-frame", keyFrames.drops());
        return result;
    }

    private static void putIfAny(Map<String, Map<DropReason, Long>> into, String name, DropCounters drops) {
        Map<DropReason, Long> counts = drops.nonZero();
        if (!counts.isEmpty()) {
            into.put(name, counts);
        }
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
            replayEarly(transport);
            long now = System.nanoTime();
            for (TrackRoute route : transport.subscribed()) {
                DownTrack downTrack = route.downTrackOf(transport);
                if (route.isVideo() && downTrack != null) {
                    requestKeyFrame(route, layerFor(route, downTrack.maxLayer(), now), now, true);
                }
            }
        });
        transport.onConnected().run();
    }

    /// Demultiplexes one datagram by its first byte (RFC 7983 §7) onto its chain. Loop only; never throws.
    @Override
    public void onDatagram(byte[] buffer, int length, InetSocketAddress source, long arrivalNanos) {
        packet.reset(buffer, length, source, arrivalNanos);
        switch (PacketClass.of(buffer, 0, length)) {
            case STUN -> stunChain.run(packet);
            case DTLS -> dtlsChain.run(packet);
            case RTP_RTCP -> (RtpHeader.isRtcp(buffer, 0, length) ? rtcpChain : rtpChain).run(packet);
            case UNKNOWN -> {
                demuxDrops.count(DropReason.UNKNOWN_PROTOCOL);
                pathDrops.count(DropReason.UNKNOWN_PROTOCOL);
            }
        }
    }

    /// Runs the packets that came before the keys through the media path, in arrival order, now that the keys are
    /// set ([EarlyPackets]). Loop only, between datagrams.
    private void replayEarly(PeerTransport transport) {
        EarlyPackets kept = transport.early();
        InetSocketAddress source = transport.address();
        if (kept == null || source == null) {
            return;
        }
        for (int i = 0; i < kept.count(); i++) {
            counters.earlyPacketsReplayed.incrementAndGet();
            onDatagram(kept.packet(i), kept.length(i), source, kept.arrival(i));
        }
        kept.clear();
    }

    /// Asks `route`'s publisher for a key frame of one layer ([KeyFrameRequester]). Loop only.
    private void requestKeyFrame(TrackRoute route, int layer, long nowNanos, boolean force) {
        keyFrames.request(route, layer, nowNanos, force);
    }

    /// The layer a subscriber that wants at most `maxLayer` starts on: the highest running one, else the lowest
    /// (libwebrtc always sends the lowest layer; a higher one may never run, e.g. the top layer of a 640x360
    /// camera).
    private static int layerFor(TrackRoute route, int maxLayer, long nowNanos) {
        int active = route.highestActiveLayer(Math.max(0, maxLayer), nowNanos);
        return Math.max(0, active);
    }

    /// Sets the highest simulcast layer `subscriber` wants of `route`: 0 for the lowest, [DownTrack#ALL_LAYERS] for
    /// the best, -1 for none (off screen). The switch happens at the next key frame of that layer. Thread-safe:
    /// runs on the loop.
    ///
    /// @param route      a track `subscriber` receives
    /// @param maxLayer   -1, 0, 1, ... or [DownTrack#ALL_LAYERS]
    public void setMaxLayer(PeerTransport subscriber, TrackRoute route, int maxLayer) {
        execute(() -> {
            DownTrack downTrack = route.downTrackOf(subscriber);
            if (downTrack != null) {
                boolean resumed = downTrack.maxLayer() < 0 && maxLayer >= 0;
                downTrack.maxLayer(maxLayer);
                if (resumed && route.isVideo() && !route.simulcast()) {
                    long now = System.nanoTime();
                    requestKeyFrame(route, 0, now, true); // a paused stream resumes at a key frame
                }
            }
        });
    }

    /// The layer `subscriber` receives of `route` now, or -1 (not subscribed, paused or waiting for a key frame).
    /// Runs on the loop; for tests and statistics.
    ///
    /// @return a future of the layer index
    public java.util.concurrent.CompletableFuture<Integer> currentLayer(PeerTransport subscriber, TrackRoute route) {
        java.util.concurrent.CompletableFuture<Integer> result = new java.util.concurrent.CompletableFuture<>();
        if (!loop.execute(() -> {
            DownTrack downTrack = route.downTrackOf(subscriber);
            result.complete(downTrack == null ? -1 : downTrack.currentLayer());
        })) {
            result.complete(-1);
        }
        return result;
    }
}
