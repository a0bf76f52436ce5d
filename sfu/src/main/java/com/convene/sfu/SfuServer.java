package com.convene.sfu;

import com.convene.sfu.dtls.DtlsCertificate;
import com.convene.sfu.routing.MediaRouter;
import com.convene.sfu.transport.UdpSocketLoop;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/// A running SFU: one UDP port, one socket event loop, one DTLS certificate, and its rooms.
///
/// All public methods are thread-safe. Close it to stop the loop and release the port.
public final class SfuServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SfuServer.class);

    private final SfuConfig config;
    private final UdpSocketLoop loop;
    private final MediaRouter router;
    private final DtlsCertificate certificate;
    private final ConcurrentMap<String, SfuRoom> rooms = new ConcurrentHashMap<>();

    private SfuServer(SfuConfig config, UdpSocketLoop loop, DtlsCertificate certificate) {
        this.config = config;
        this.loop = loop;
        this.certificate = certificate;
        this.router = new MediaRouter(loop, certificate, config.pliThrottle().toNanos());
    }

    /// Binds the port, generates the certificate and starts the loop.
    ///
    /// @param config the configuration
    /// @return the running server
    /// @throws SfuException when the port cannot be bound
    public static SfuServer start(SfuConfig config) {
        DtlsCertificate certificate = DtlsCertificate.generate();
        UdpSocketLoop loop = UdpSocketLoop.bind(config.bindAddress(), config.udpPort());
        SfuServer server = new SfuServer(config, loop, certificate);
        loop.start(server.router);
        LOG.info("SFU started port={} advertised={}", loop.port(), config.advertisedAddresses());
        return server;
    }

    /// The bound UDP port, 1–65,535.
    public int port() {
        return loop.port();
    }

    /// The room with this id, created when absent.
    ///
    /// @param roomId opaque id chosen by the signaling layer
    public SfuRoom room(String roomId) {
        return rooms.computeIfAbsent(roomId, id -> new SfuRoom(id, this));
    }

    /// Closes every participant of the room and forgets it.
    public void removeRoom(String roomId) {
        SfuRoom room = rooms.remove(roomId);
        if (room != null) {
            room.closeAll();
        }
    }

    /// Fault injection for resilience tests and drills: drops every datagram to and from the media port for
    /// `duration`, as if a firewall closed it; calls then ride it out as on a real network outage.
    ///
    /// @param duration how long, at most 1 minute
    /// @throws IllegalArgumentException for a negative or longer duration
    public void blockTraffic(java.time.Duration duration) {
        if (duration.isNegative() || duration.compareTo(java.time.Duration.ofMinutes(1)) > 0) {
            throw new IllegalArgumentException("block for 0 to 60 s: " + duration);
        }
        LOG.warn("SFU media port blocked for {} ms (fault injection)", duration.toMillis());
        loop.blockTraffic(duration.toMillis());
    }

    /// Datagrams dropped by [#blockTraffic(java.time.Duration)] so far.
    public long blockedPackets() {
        return loop.blockedPackets();
    }

    /// A snapshot of drop counts and forwarding counters.
    public SfuStats stats() {
        return router.stats();
    }

    /// Drops by reason for each stage of the media path that dropped anything, keyed `chain/stage`
    /// ([MediaRouter#stageDrops()]).
    public java.util.Map<String, java.util.Map<DropReason, Long>> stageDrops() {
        return router.stageDrops();
    }

    /// Rooms this server holds now (created by [#room] and not yet removed), 0 or more. Thread-safe.
    public int roomCount() {
        return rooms.size();
    }

    /// Participants in all rooms now, 0 or more. Thread-safe; walks every room.
    public int participantCount() {
        int count = 0;
        for (SfuRoom room : rooms.values()) {
            count += room.participantCount();
        }
        return count;
    }

    /// Tracks published in all rooms now, 0 or more. Thread-safe; walks every room.
    public int trackCount() {
        int count = 0;
        for (SfuRoom room : rooms.values()) {
            count += room.tracks().size();
        }
        return count;
    }

    SfuConfig config() {
        return config;
    }

    MediaRouter router() {
        return router;
    }

    DtlsCertificate certificate() {
        return certificate;
    }

    @Override
    public void close() {
        for (String roomId : rooms.keySet()) {
            removeRoom(roomId);
        }
        loop.close();
        LOG.info("SFU stopped");
    }
}
