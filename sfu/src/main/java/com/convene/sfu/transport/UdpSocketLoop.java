package com.convene.sfu.transport;

import com.convene.sfu.SfuException;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/// The one event loop that owns the SFU's UDP socket (STYLE.md §8). It reads datagrams, hands each to the
/// [DatagramHandler], and runs tasks other threads [#execute] through a bounded queue, between reads.
///
/// Sending is thread-safe ([DatagramChannel] serializes writers); the DTLS threads send their flights directly.
public final class UdpSocketLoop implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(UdpSocketLoop.class);
    private static final int TASK_QUEUE_CAPACITY = 4096;
    private static final int MAX_DATAGRAM = 1500;

    private final java.util.concurrent.atomic.AtomicLong blockedPackets = new java.util.concurrent.atomic.AtomicLong();
    private volatile long blockedUntilNanos = System.nanoTime();
    private final DatagramChannel channel;
    private final Selector selector;
    private final BlockingQueue<Runnable> tasks = new ArrayBlockingQueue<>(TASK_QUEUE_CAPACITY);
    private final ByteBuffer receiveBuffer = ByteBuffer.allocate(MAX_DATAGRAM + 64);
    private final ByteBuffer loopSendBuffer = ByteBuffer.allocateDirect(2048);
    private final AtomicLong packetsReceived = new AtomicLong();
    private final AtomicLong bytesReceived = new AtomicLong();
    private final AtomicLong sendFailures = new AtomicLong();
    private final Thread thread;
    private volatile boolean running = true;
    private DatagramHandler handler = (buffer, length, source, arrivalNanos) -> { };

    private UdpSocketLoop(DatagramChannel channel, Selector selector) {
        this.channel = channel;
        this.selector = selector;
        this.thread = Thread.ofPlatform().name("sfu-udp-" + port()).daemon(true).unstarted(this::run);
    }

    /// Binds the socket; call [#start] to begin reading.
    ///
    /// @param bindAddress local address
    /// @param port        0–65,535, 0 for ephemeral
    /// @return the unstarted loop
    public static UdpSocketLoop bind(String bindAddress, int port) {
        try {
            DatagramChannel channel = DatagramChannel.open();
            channel.setOption(StandardSocketOptions.SO_RCVBUF, 4 << 20);
            channel.setOption(StandardSocketOptions.SO_SNDBUF, 4 << 20);
            channel.bind(new InetSocketAddress(bindAddress, port));
            channel.configureBlocking(false);
            Selector selector = Selector.open();
            channel.register(selector, SelectionKey.OP_READ);
            return new UdpSocketLoop(channel, selector);
        } catch (IOException e) {
            throw new SfuException("cannot bind UDP " + bindAddress + ":" + port, e);
        }
    }

    /// Starts the loop thread.
    ///
    /// @param datagramHandler receives every datagram, on the loop thread
    public void start(DatagramHandler datagramHandler) {
        this.handler = datagramHandler;
        thread.start();
    }

    /// The bound UDP port, 1–65,535.
    public int port() {
        try {
            return ((InetSocketAddress) channel.getLocalAddress()).getPort();
        } catch (IOException e) {
            throw new SfuException("socket closed", e);
        }
    }

    /// Whether the caller runs on the loop thread.
    public boolean inLoop() {
        return Thread.currentThread() == thread;
    }

    /// Queues a task for the loop thread. Never blocks.
    ///
    /// @return false when the queue is full (the task was not queued)
    public boolean execute(Runnable task) {
        boolean queued = tasks.offer(task);
        if (queued) {
            selector.wakeup();
        } else {
            LOG.warn("SFU loop task queue full; task dropped");
        }
        return queued;
    }

    /// Sends from the loop thread without allocating.
    ///
    /// @return false when sending failed
    public boolean sendFromLoop(byte[] buffer, int offset, int length, SocketAddress target) {
        loopSendBuffer.clear();
        loopSendBuffer.put(buffer, offset, length).flip();
        return send(loopSendBuffer, target);
    }

    /// Sends from any thread.
    ///
    /// @return false when sending failed
    public boolean sendFromAnyThread(byte[] buffer, int offset, int length, SocketAddress target) {
        return send(ByteBuffer.wrap(buffer, offset, length), target);
    }

    /// Fault injection for resilience tests and drills: for `millis` from now every datagram in and out is dropped
    /// (counted in [#blockedPackets()]), as if a firewall closed the media port. Thread-safe.
    ///
    /// @param millis how long to block, ms, 0 to unblock at once
    public void blockTraffic(long millis) {
        blockedUntilNanos = System.nanoTime() + java.util.concurrent.TimeUnit.MILLISECONDS.toNanos(millis);
    }

    /// Datagrams dropped by [#blockTraffic(long)] so far, in and out.
    public long blockedPackets() {
        return blockedPackets.get();
    }

    private boolean blocked() {
        if (System.nanoTime() - blockedUntilNanos < 0) {
            blockedPackets.incrementAndGet();
            return true;
        }
        return false;
    }

    private boolean send(ByteBuffer data, SocketAddress target) {
        if (blocked()) {
            return true; // lost on the way, as far as the sender can tell
        }
        try {
            return channel.send(data, target) > 0;
        } catch (IOException | RuntimeException e) {
            sendFailures.incrementAndGet();
            return false;
        }
    }

    /// Datagrams read so far.
    public long packetsReceived() {
        return packetsReceived.get();
    }

    /// UDP payload bytes of the datagrams read so far.
    public long bytesReceived() {
        return bytesReceived.get();
    }

    /// Sends that failed so far.
    public long sendFailures() {
        return sendFailures.get();
    }

    private void run() {
        byte[] array = receiveBuffer.array();
        while (running) {
            try {
                selector.select(20);
                selector.selectedKeys().clear();
                runTasks();
                for (int i = 0; i < 256; i++) {
                    receiveBuffer.clear();
                    SocketAddress source = channel.receive(receiveBuffer);
                    if (source == null) {
                        break;
                    }
                    packetsReceived.incrementAndGet();
                    bytesReceived.addAndGet(receiveBuffer.position());
                    if (blocked()) {
                        continue;
                    }
                    try {
                        handler.onDatagram(array, receiveBuffer.position(), (InetSocketAddress) source,
                                System.nanoTime());
                    } catch (RuntimeException e) {
                        LOG.error("datagram handler threw; packet dropped", e); // a bug: handlers must not throw
                    }
                }
            } catch (IOException e) {
                if (running) {
                    LOG.error("UDP socket loop failed", e);
                }
                return;
            } catch (RuntimeException e) {
                LOG.error("SFU loop task threw", e);
            }
        }
    }

    private void runTasks() {
        Runnable task;
        while ((task = tasks.poll()) != null) {
            try {
                task.run();
            } catch (RuntimeException e) {
                LOG.error("SFU loop task threw", e);
            }
        }
    }

    @Override
    public void close() {
        running = false;
        selector.wakeup();
        try {
            thread.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            selector.close();
            channel.close();
        } catch (IOException e) {
            LOG.debug("closing UDP socket failed", e);
        }
    }
}
