package com.convene.sfu.routing;

import com.convene.sfu.PublishedTrack;
import com.convene.sfu.rtcp.RtcpPackets;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/// A room's recording tap: copies each tapped publisher packet into a pooled buffer on the socket loop and hands it
/// to a [TrackRecorderSink] on the sink's own executor through a bounded queue.
///
/// The loop side ([#offerRtp], [#offerSenderReport]) never blocks and never allocates: when all `capacity`
/// buffers are in flight the packet is dropped and counted ([#droppedPackets]). Sender reports travel in the same
/// queue as the media, so the sink sees them in arrival order. Create it with `SfuRoom.startTap`.
public final class RtpTap {
    private static final Logger LOG = LoggerFactory.getLogger(RtpTap.class);
    /// Room in the ready queue for track-ended markers, which are never dropped.
    private static final int MARKER_SLACK = 256;

    private final MediaRouter router;
    private final TrackRecorderSink sink;
    private final ArrayBlockingQueue<TappedPacket> free;
    private final ArrayBlockingQueue<TappedPacket> ready;
    private final AtomicLong dropped = new AtomicLong();
    private final AtomicLong delivered = new AtomicLong();
    private final ConcurrentHashMap<PublishedTrack, TrackRoute> routes = new ConcurrentHashMap<>();
    private final CompletableFuture<Void> drained = new CompletableFuture<>();
    private volatile boolean closing;

    /// Creates a tap; call [#start] to begin delivering.
    ///
    /// @param router   the router whose loop feeds it
    /// @param sink     where packets go
    /// @param capacity pooled buffers, 16–65,536 (at 1,600 B each); about 2 s of a 4-track meeting at 512
    RtpTap(MediaRouter router, TrackRecorderSink sink, int capacity) {
        if (capacity < 16 || capacity > 65_536) {
            throw new IllegalArgumentException("tap capacity must be 16-65536, got " + capacity);
        }
        this.router = router;
        this.sink = sink;
        this.free = new ArrayBlockingQueue<>(capacity);
        this.ready = new ArrayBlockingQueue<>(capacity + MARKER_SLACK);
        for (int i = 0; i < capacity; i++) {
            free.add(new TappedPacket(true));
        }
    }

    /// Starts the consumer on `executor`; it occupies one of its threads until the tap is closed.
    void start(Executor executor) {
        executor.execute(this::drain);
    }

    /// Packets dropped because every pooled buffer was in flight. Thread-safe.
    public long droppedPackets() {
        return dropped.get();
    }

    /// Packets, reports and markers handed to the sink and released so far. Thread-safe.
    public long deliveredPackets() {
        return delivered.get();
    }

    /// Completes after [TrackRecorderSink#onTapClosed] returned.
    public CompletableFuture<Void> closed() {
        return drained;
    }

    /// Asks the publisher of `track` for a key frame (a PLI, RFC 4585 §6.3.1), e.g. so a recording can start
    /// decodable. Thread-safe; ignored for tracks no longer tapped.
    public void requestKeyFrame(PublishedTrack track) {
        TrackRoute route = routes.get(track);
        if (route != null) {
            router.requestKeyFrameForTap(route);
        }
    }

    void attached(TrackRoute route) {
        routes.put(route.track(), route);
    }

    /// Loop only: copies a decrypted RTP packet, or drops it when the pool is empty.
    void offerRtp(TrackRoute route, byte[] buffer, int offset, int length, long arrivalNanos) {
        offer(TappedPacket.Kind.RTP, route, buffer, offset, length, arrivalNanos);
    }

    /// Loop only: copies the first packet of a decrypted compound RTCP packet when it is a sender report.
    void offerSenderReport(TrackRoute route, byte[] buffer, int offset, int length, long arrivalNanos) {
        int packetLength = RtcpPackets.packetLength(buffer, offset);
        if (packetLength < 28 || packetLength > length) {
            return;
        }
        offer(TappedPacket.Kind.SENDER_REPORT, route, buffer, offset, packetLength, arrivalNanos);
    }

    /// Loop only: the route lost its publisher; queued after its last packet.
    void offerEnded(TrackRoute route) {
        routes.remove(route.track());
        TappedPacket marker = new TappedPacket(false);
        marker.kind = TappedPacket.Kind.TRACK_ENDED;
        marker.track = route.track();
        if (!ready.offer(marker)) {
            LOG.warn("recording tap queue full: track end lost track={}", route.track());
        }
    }

    boolean isClosing() {
        return closing;
    }

    /// Loop only (after every route is detached): lets the consumer finish what is queued and close the sink.
    void close() {
        closing = true;
    }

    private void offer(TappedPacket.Kind kind, TrackRoute route, byte[] buffer, int offset, int length,
            long arrivalNanos) {
        TappedPacket packet = free.poll();
        if (packet == null || length > packet.data.length) {
            if (packet != null) {
                free.offer(packet);
            }
            dropped.incrementAndGet();
            return;
        }
        System.arraycopy(buffer, offset, packet.data, 0, length);
        packet.kind = kind;
        packet.track = route.track();
        packet.length = length;
        packet.arrivalNanos = arrivalNanos;
        ready.offer(packet); // always room: ready holds capacity + slack and only pooled packets fill it
    }

    private void drain() {
        try {
            while (true) {
                TappedPacket packet = ready.poll(50, TimeUnit.MILLISECONDS);
                if (packet == null) {
                    if (closing) {
                        break;
                    }
                    continue;
                }
                try {
                    deliver(packet);
                } catch (RuntimeException e) {
                    LOG.warn("recording sink failed on a packet track={}", packet.track, e);
                } finally {
                    packet.track = null;
                    if (packet.pooled) {
                        free.offer(packet);
                    }
                    delivered.incrementAndGet();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            try {
                sink.onTapClosed(dropped.get());
            } catch (RuntimeException e) {
                LOG.warn("recording sink failed to close", e);
            }
            drained.complete(null);
        }
    }

    private void deliver(TappedPacket packet) {
        PublishedTrack track = packet.track;
        if (track == null) {
            return;
        }
        switch (packet.kind) {
            case RTP -> sink.onRtp(track, packet.data, packet.length, packet.arrivalNanos);
            case SENDER_REPORT -> {
                long ntp = (RtcpPackets.readI32(packet.data, 8) & 0xFFFF_FFFFL) << 32
                        | (RtcpPackets.readI32(packet.data, 12) & 0xFFFF_FFFFL);
                long rtp = RtcpPackets.readI32(packet.data, 16) & 0xFFFF_FFFFL;
                sink.onSenderReport(track, ntp, rtp, packet.arrivalNanos);
            }
            case TRACK_ENDED -> sink.onTrackEnded(track);
        }
    }
}
