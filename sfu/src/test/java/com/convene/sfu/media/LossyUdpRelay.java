package com.convene.sfu.media;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/// A user-space UDP relay in front of the SFU that loses video (the test network namespace has no netem): clients
/// send to the relay's address, and each client gets its own socket towards the SFU, so the SFU sees one source per
/// client, as behind a NAT. Every `dropEvery`-th RTP packet larger than [#VIDEO_SIZE] bytes is dropped, counted per
/// direction; STUN, DTLS, RTCP and small (audio) RTP pass untouched (RFC 7983 demultiplexing). Threads stop on
/// [#close()].
final class LossyUdpRelay implements AutoCloseable {
    /// RTP packets at least this long count as video, bytes.
    static final int VIDEO_SIZE = 300;

    private final DatagramSocket front;
    private final InetSocketAddress server;
    private final int dropEvery;
    private final Map<InetSocketAddress, DatagramSocket> byClient = new ConcurrentHashMap<>();
    private final AtomicLong videoUp = new AtomicLong();
    private final AtomicLong videoDown = new AtomicLong();
    private final AtomicLong droppedUp = new AtomicLong();
    private final AtomicLong droppedDown = new AtomicLong();
    private volatile boolean closed;

    /// @param listen    the address clients send to
    /// @param server    the SFU's address
    /// @param dropEvery drop one in this many video packets in each direction, 2 or more
    LossyUdpRelay(InetSocketAddress listen, InetSocketAddress server, int dropEvery) throws SocketException {
        this.front = new DatagramSocket(listen);
        this.front.setSoTimeout(200);
        this.server = server;
        this.dropEvery = dropEvery;
        Thread.ofPlatform().daemon().name("relay-front").start(this::pumpFromClients);
    }

    /// Video packets the relay dropped on their way to the SFU.
    long droppedUp() {
        return droppedUp.get();
    }

    /// Video packets the relay dropped on their way to clients.
    long droppedDown() {
        return droppedDown.get();
    }

    private void pumpFromClients() {
        byte[] buffer = new byte[2048];
        while (!closed) {
            DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
            try {
                front.receive(packet);
                InetSocketAddress client = (InetSocketAddress) packet.getSocketAddress();
                DatagramSocket back = byClient.computeIfAbsent(client, this::openBack);
                if (!lose(buffer, packet.getLength(), videoUp, droppedUp)) {
                    back.send(new DatagramPacket(buffer, packet.getLength(), server));
                }
            } catch (SocketTimeoutException e) {
                // check closed
            } catch (IOException | RuntimeException e) {
                if (!closed) {
                    throw new IllegalStateException("relay failed", e);
                }
            }
        }
    }

    private DatagramSocket openBack(InetSocketAddress client) {
        try {
            DatagramSocket back = new DatagramSocket(new InetSocketAddress(front.getLocalAddress(), 0));
            back.setSoTimeout(200);
            Thread.ofPlatform().daemon().name("relay-back-" + client.getPort()).start(() -> pumpToClient(back, client));
            return back;
        } catch (SocketException e) {
            throw new IllegalStateException(e);
        }
    }

    private void pumpToClient(DatagramSocket back, InetSocketAddress client) {
        byte[] buffer = new byte[2048];
        while (!closed) {
            DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
            try {
                back.receive(packet);
                if (!lose(buffer, packet.getLength(), videoDown, droppedDown)) {
                    front.send(new DatagramPacket(buffer, packet.getLength(), client));
                }
            } catch (SocketTimeoutException e) {
                // check closed
            } catch (IOException e) {
                if (!closed) {
                    throw new IllegalStateException("relay failed", e);
                }
            }
        }
        back.close();
    }

    private boolean lose(byte[] datagram, int length, AtomicLong seen, AtomicLong dropped) {
        int first = datagram[0] & 0xFF;
        int packetType = length > 1 ? datagram[1] & 0xFF : 0;
        boolean rtp = first >= 128 && first <= 191 && !(packetType >= 192 && packetType <= 223);
        if (!rtp || length < VIDEO_SIZE) {
            return false;
        }
        if (seen.incrementAndGet() % dropEvery == 0) {
            dropped.incrementAndGet();
            return true;
        }
        return false;
    }

    @Override
    public void close() {
        closed = true;
        front.close();
    }
}
