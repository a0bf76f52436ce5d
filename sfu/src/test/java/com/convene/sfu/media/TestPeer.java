package com.convene.sfu.media;

import com.convene.sfu.PublishedTrack;
import com.convene.sfu.SfuListener;
import com.convene.sfu.SfuParticipant;
import dev.onvoid.webrtc.CreateSessionDescriptionObserver;
import dev.onvoid.webrtc.PeerConnectionFactory;
import dev.onvoid.webrtc.PeerConnectionObserver;
import dev.onvoid.webrtc.RTCAnswerOptions;
import dev.onvoid.webrtc.RTCConfiguration;
import dev.onvoid.webrtc.RTCIceCandidate;
import dev.onvoid.webrtc.RTCOfferOptions;
import dev.onvoid.webrtc.RTCPeerConnection;
import dev.onvoid.webrtc.RTCRtpReceiver;
import dev.onvoid.webrtc.RTCSdpType;
import dev.onvoid.webrtc.RTCSessionDescription;
import dev.onvoid.webrtc.SetSessionDescriptionObserver;
import dev.onvoid.webrtc.media.MediaStream;
import dev.onvoid.webrtc.media.MediaStreamTrack;
import dev.onvoid.webrtc.media.audio.AudioTrack;
import dev.onvoid.webrtc.media.audio.CustomAudioSource;
import dev.onvoid.webrtc.media.video.CustomVideoSource;
import dev.onvoid.webrtc.media.video.NativeI420Buffer;
import dev.onvoid.webrtc.media.video.VideoFrame;
import dev.onvoid.webrtc.media.video.VideoTrack;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/// A headless webrtc-java client for media tests: a publish PeerConnection sending a VP8 test pattern (320x240,
/// 30 fps) and a 440 Hz Opus tone, and a subscribe PeerConnection answering the SFU's offers and counting what it
/// decodes per remote publisher. Signaling goes straight to an [SfuParticipant], off the SFU's threads.
final class TestPeer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(TestPeer.class);
    private static final int WIDTH = 320;
    private static final int HEIGHT = 240;
    /// Camera size when publishing simulcast: three layers of 320x180, 640x360 and 1280x720.
    static final int SIMULCAST_WIDTH = 1280;
    static final int SIMULCAST_HEIGHT = 720;
    private static final long TIMEOUT_SECONDS = 10;

    /// What this peer received from one remote publisher.
    static final class RemoteStats {
        final AtomicLong videoFrames = new AtomicLong();
        final AtomicLong firstFrameNanos = new AtomicLong();
        volatile double maxAudioRms;
        volatile boolean videoEnded;
        volatile boolean audioEnded;
        /// Width of the last decoded video frame, pixels.
        volatile int lastFrameWidth;
    }

    private final String name;
    private final RTCPeerConnection publishPc;
    private final RTCPeerConnection subscribePc;
    private final CustomVideoSource videoSource = new CustomVideoSource();
    private final CustomAudioSource audioSource = new CustomAudioSource();
    private final VideoTrack videoTrack;
    private final AudioTrack audioTrack;
    private final ScheduledExecutorService pump = Executors.newScheduledThreadPool(1);
    private final ExecutorService signaling = Executors.newSingleThreadExecutor();
    private final Map<String, RemoteStats> remotes = new ConcurrentHashMap<>();
    private final Map<String, String> publisherByTrackId = new ConcurrentHashMap<>();
    private final List<PublishedTrack> unpublished = new CopyOnWriteArrayList<>();
    private final AtomicLong subscriberOffers = new AtomicLong();
    private final List<Throwable> errors = new CopyOnWriteArrayList<>();
    private volatile SfuParticipant participant;
    private volatile long joinNanos;
    private long frameIndex;
    private volatile boolean simulcast;
    /// Whether the pushed audio is silence instead of the tone.
    private volatile boolean silent;
    /// Dominant speakers the SFU announced to this peer, in order.
    private final List<String> dominantSpeakers = new CopyOnWriteArrayList<>();
    /// Pre-drawn frames of the simulcast camera (drawing 1280x720 in Java every frame would cost a core).
    private java.nio.ByteBuffer[] simulcastFrames;
    private long audioSample;

    /// @param publishFactory   factory of the publish PC and the local tracks; its audio module must never capture
    ///                         (libwebrtc's dummy module), since a capture thread writing into the audio send
    ///                         stream while [#startAudio()] pushes aborts the JVM (AudioSendStream race check)
    /// @param subscribeFactory factory of the subscribe PC; its module plays out and so feeds remote audio sinks
    TestPeer(String name, PeerConnectionFactory publishFactory, PeerConnectionFactory subscribeFactory) {
        this.name = name;
        RTCConfiguration configuration = new RTCConfiguration();
        this.publishPc = publishFactory.createPeerConnection(configuration, candidateIgnoringObserver(null));
        this.subscribePc = subscribeFactory.createPeerConnection(configuration, candidateIgnoringObserver(this));
        this.videoTrack = publishFactory.createVideoTrack(name + "-video", videoSource);
        this.audioTrack = publishFactory.createAudioTrack(name + "-audio", audioSource);
    }

    /// The listener to pass to [com.convene.sfu.SfuRoom#join]; it hands every offer to this peer's own thread.
    SfuListener listener() {
        return new SfuListener() {
            @Override
            public void onSubscriberOffer(String sdpOffer) {
                subscriberOffers.incrementAndGet();
                if (signaling.isShutdown()) {
                    return; // this peer has left
                }
                signaling.execute(() -> {
                    try {
                        participant.acceptSubscriberAnswer(answerSubscriberOffer(sdpOffer));
                    } catch (RuntimeException e) {
                        errors.add(e);
                        LOG.error("{}: subscriber negotiation failed", name, e);
                    }
                });
            }

            @Override
            public void onTrackPublished(PublishedTrack track) {
            }

            @Override
            public void onTrackUnpublished(PublishedTrack track) {
                unpublished.add(track);
            }

            @Override
            public void onDominantSpeaker(String participantId) {
                dominantSpeakers.add(participantId);
            }
        };
    }

    /// Sets the participant; must be called right after join, before any offer is processed.
    void attach(SfuParticipant sfuParticipant) {
        this.participant = sfuParticipant;
    }

    /// Marks the join time, publishes both tracks and starts the media pump. Blocks until the answer is applied.
    void joinAndPublish(java.util.function.Function<TestPeer, SfuParticipant> join) throws Exception {
        joinNanos = System.nanoTime();
        signaling.submit(() -> {
            this.participant = join.apply(this);
            return null;
        }).get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        publishPc.addTrack(videoTrack, List.of(name));
        publishPc.addTrack(audioTrack, List.of(name));
        String offer = createPublishOffer();
        String answer = participant.acceptPublisherOffer(offer);
        await(observer -> publishPc.setRemoteDescription(new RTCSessionDescription(RTCSdpType.ANSWER, answer),
                observer));
        // the simulcast camera runs at 15 fps: three 720p-class encodes at 30 fps make libwebrtc's CPU-overuse
        // detector drop the top layer on a loaded two-core machine
        pump.scheduleAtFixedRate(this::pushVideoFrame, 0, simulcast ? 66 : 33, TimeUnit.MILLISECONDS);
    }

    /// Starts pushing the 440 Hz tone, 10 ms every 10 ms, on this peer's own thread (the only writer into the
    /// audio send stream: the publish factory's audio module never captures).
    void startAudio() {
        pump.scheduleAtFixedRate(this::pushAudio10ms, 0, 10, TimeUnit.MILLISECONDS);
    }

    /// Makes this peer publish its camera at 1280x720 in three simulcast layers (an `a=ssrc-group:SIM` offer, as
    /// the desktop app sends; decision 100). Call before joining.
    void publishSimulcast() {
        simulcast = true;
        simulcastFrames = new java.nio.ByteBuffer[8];
        int ySize = SIMULCAST_WIDTH * SIMULCAST_HEIGHT;
        for (int f = 0; f < simulcastFrames.length; f++) {
            java.nio.ByteBuffer frame = java.nio.ByteBuffer.allocateDirect(ySize * 3 / 2);
            for (int i = 0; i < ySize; i++) {
                int x = i % SIMULCAST_WIDTH;
                int y = i / SIMULCAST_WIDTH;
                frame.put(i, (byte) (((x / 40 + y / 40 + f) % 2) * 160 + (x + 3 * y + 8 * f) % 64));
            }
            for (int i = ySize; i < ySize * 3 / 2; i++) {
                frame.put(i, (byte) (128 + (i + f * 7) % 32));
            }
            simulcastFrames[f] = frame;
        }
    }

    /// Creates and applies the publish offer; returns its SDP.
    String createPublishOffer() throws Exception {
        CompletableFuture<RTCSessionDescription> offer = new CompletableFuture<>();
        publishPc.createOffer(new RTCOfferOptions(), sessionObserver(offer));
        RTCSessionDescription created = offer.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        RTCSessionDescription description = simulcast
                ? new RTCSessionDescription(created.sdpType, SimulcastSdp.munge(created.sdp)) : created;
        await(observer -> publishPc.setLocalDescription(description, observer));
        return description.sdp;
    }

    /// Adds both local tracks to the publish PC without negotiating; for capturing an offer.
    void addLocalTracks() {
        publishPc.addTrack(videoTrack, List.of(name));
        publishPc.addTrack(audioTrack, List.of(name));
    }

    private String answerSubscriberOffer(String sdpOffer) {
        try {
            await(observer -> subscribePc.setRemoteDescription(
                    new RTCSessionDescription(RTCSdpType.OFFER, sdpOffer), observer));
            CompletableFuture<RTCSessionDescription> answer = new CompletableFuture<>();
            subscribePc.createAnswer(new RTCAnswerOptions(), sessionObserver(answer));
            RTCSessionDescription description = answer.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            await(observer -> subscribePc.setLocalDescription(description, observer));
            return description.sdp;
        } catch (Exception e) {
            throw new IllegalStateException(name + ": cannot answer subscriber offer", e);
        }
    }

    private void pushVideoFrame() {
        if (simulcast) {
            pushSimulcastFrame();
            return;
        }
        try {
            NativeI420Buffer buffer = NativeI420Buffer.allocate(WIDTH, HEIGHT);
            long index = frameIndex++;
            fill(buffer.getDataY(), buffer.getStrideY(), WIDTH, HEIGHT, index, 3);
            fill(buffer.getDataU(), buffer.getStrideU(), WIDTH / 2, HEIGHT / 2, index, 1);
            fill(buffer.getDataV(), buffer.getStrideV(), WIDTH / 2, HEIGHT / 2, index, 2);
            VideoFrame frame = new VideoFrame(buffer, System.nanoTime());
            videoSource.pushFrame(frame);
            frame.release();
        } catch (RuntimeException e) {
            errors.add(e);
        }
    }

    private void pushSimulcastFrame() {
        try {
            NativeI420Buffer buffer = NativeI420Buffer.allocate(SIMULCAST_WIDTH, SIMULCAST_HEIGHT);
            java.nio.ByteBuffer source = simulcastFrames[(int) (frameIndex++ % simulcastFrames.length)];
            int ySize = SIMULCAST_WIDTH * SIMULCAST_HEIGHT;
            copyPlane(source, 0, buffer.getDataY(), buffer.getStrideY(), SIMULCAST_WIDTH, SIMULCAST_HEIGHT);
            copyPlane(source, ySize, buffer.getDataU(), buffer.getStrideU(), SIMULCAST_WIDTH / 2,
                    SIMULCAST_HEIGHT / 2);
            copyPlane(source, ySize + ySize / 4, buffer.getDataV(), buffer.getStrideV(), SIMULCAST_WIDTH / 2,
                    SIMULCAST_HEIGHT / 2);
            VideoFrame frame = new VideoFrame(buffer, System.nanoTime());
            videoSource.pushFrame(frame);
            frame.release();
        } catch (RuntimeException e) {
            errors.add(e);
        }
    }

    private static void copyPlane(java.nio.ByteBuffer source, int start, java.nio.ByteBuffer plane, int stride,
            int width, int height) {
        for (int y = 0; y < height; y++) {
            plane.put(y * stride, source, start + y * width, width);
        }
    }

    private static void fill(ByteBuffer plane, int stride, int width, int height, long index, int salt) {
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                plane.put(y * stride + x, (byte) ((x + y * salt + index * 4) & 0xFF));
            }
        }
    }

    private void pushAudio10ms() {
        int frames = 480;
        byte[] pcm = new byte[frames * 2];
        double amplitude = silent ? 0 : 8000;
        for (int i = 0; i < frames; i++) {
            short sample = (short) (amplitude * Math.sin(2 * Math.PI * 440 * (audioSample++) / 48_000.0));
            pcm[2 * i] = (byte) sample;
            pcm[2 * i + 1] = (byte) (sample >> 8);
        }
        try {
            audioSource.pushAudio(pcm, 16, 48_000, 1, frames);
        } catch (RuntimeException e) {
            errors.add(e);
        }
    }

    void onRemoteTrack(RTCRtpReceiver receiver, MediaStream[] streams) {
        MediaStreamTrack track = receiver.getTrack();
        // webrtc-java 0.14 hands out MediaStreams whose id() is null: derive the publisher from our track ids
        String trackId = String.valueOf(track.getId());
        String publisher = trackId.contains("-") ? trackId.substring(0, trackId.lastIndexOf('-')) : trackId;
        LOG.info("{} got remote track id={} kind={} stream={}", name, track.getId(), track.getKind(), publisher);
        publisherByTrackId.put(String.valueOf(track.getId()), String.valueOf(publisher));
        RemoteStats stats = remotes.computeIfAbsent(publisher, p -> new RemoteStats());
        if (track instanceof VideoTrack video) {
            video.addSink(frame -> {
                stats.lastFrameWidth = frame.buffer.getWidth();
                if (stats.videoFrames.incrementAndGet() == 1) {
                    stats.firstFrameNanos.set(System.nanoTime());
                }
            });
        } else if (track instanceof AudioTrack audio) {
            audio.addSink((data, bitsPerSample, sampleRate, channels, frames) -> {
                if (bitsPerSample != 16) {
                    return;
                }
                double sum = 0;
                int samples = Math.min(data.length / 2, frames * channels);
                for (int i = 0; i < samples; i++) {
                    short s = (short) ((data[2 * i] & 0xFF) | (data[2 * i + 1] << 8));
                    sum += (double) s * s;
                }
                double rms = samples == 0 ? 0 : Math.sqrt(sum / samples);
                if (rms > stats.maxAudioRms) {
                    stats.maxAudioRms = rms;
                }
            });
        }
    }

    void onRemoteTrackRemoved(RTCRtpReceiver receiver) {
        MediaStreamTrack track = receiver.getTrack();
        String publisher = publisherByTrackId.get(String.valueOf(track.getId()));
        RemoteStats stats = publisher == null ? null : remotes.get(publisher);
        if (stats != null) {
            if (track instanceof VideoTrack) {
                stats.videoEnded = true;
            } else {
                stats.audioEnded = true;
            }
        }
    }

    /// The subscribe PeerConnection's `inbound-rtp` statistics of its video streams (W3C webrtc-stats §8.4:
    /// `packetsLost`, `nackCount`, `retransmittedPacketsReceived`, `framesDecoded`, …), one member map per stream.
    List<Map<String, Object>> inboundVideoStats() throws Exception {
        CompletableFuture<List<Map<String, Object>>> result = new CompletableFuture<>();
        subscribePc.getStats(report -> result.complete(report.getStats().values().stream()
                .filter(s -> s.getType() == dev.onvoid.webrtc.RTCStatsType.INBOUND_RTP)
                .map(dev.onvoid.webrtc.RTCStats::getAttributes)
                .filter(m -> "video".equals(String.valueOf(m.get("kind"))))
                .map(m -> (Map<String, Object>) Map.copyOf(m))
                .toList()));
        return result.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
    }

    /// The publish PeerConnection's statistics of one type (W3C webrtc-stats), one member map per object.
    List<Map<String, Object>> publishStats(dev.onvoid.webrtc.RTCStatsType type) throws Exception {
        CompletableFuture<List<Map<String, Object>>> result = new CompletableFuture<>();
        publishPc.getStats(report -> result.complete(report.getStats().values().stream()
                .filter(s -> s.getType() == type)
                .map(s -> (Map<String, Object>) Map.copyOf(s.getAttributes()))
                .toList()));
        return result.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
    }

    String name() {
        return name;
    }

    /// Makes the pushed audio silence (true) or the 440 Hz tone (false).
    void silent(boolean value) {
        silent = value;
    }

    /// The dominant speakers the SFU announced to this peer so far, in order.
    List<String> dominantSpeakers() {
        return dominantSpeakers;
    }

    /// The SFU participant of this peer.
    SfuParticipant participant() {
        return participant;
    }

    long joinNanos() {
        return joinNanos;
    }

    RemoteStats remote(String publisher) {
        return remotes.computeIfAbsent(publisher, p -> new RemoteStats());
    }

    List<PublishedTrack> unpublished() {
        return unpublished;
    }

    long subscriberOffers() {
        return subscriberOffers.get();
    }

    List<Throwable> errors() {
        return errors;
    }

    private static PeerConnectionObserver candidateIgnoringObserver(TestPeer subscriberOf) {
        return new PeerConnectionObserver() {
            @Override
            public void onIceCandidate(RTCIceCandidate candidate) {
                // ICE-lite SFU: it never checks towards us, so our candidates need no signaling
            }

            @Override
            public void onConnectionChange(dev.onvoid.webrtc.RTCPeerConnectionState state) {
                LOG.info("{} {} connection {}", subscriberOf == null ? "publish" : subscriberOf.name, "pc", state);
            }

            @Override
            public void onAddTrack(RTCRtpReceiver receiver, MediaStream[] streams) {
                // an exception escaping a webrtc-java callback aborts the JVM: catch everything
                try {
                    if (subscriberOf != null) {
                        subscriberOf.onRemoteTrack(receiver, streams);
                    }
                } catch (Throwable e) {
                    LOG.error("onAddTrack failed", e);
                    if (subscriberOf != null) {
                        subscriberOf.errors.add(e);
                    }
                }
            }

            @Override
            public void onRemoveTrack(RTCRtpReceiver receiver) {
                try {
                    if (subscriberOf != null) {
                        subscriberOf.onRemoteTrackRemoved(receiver);
                    }
                } catch (Throwable e) {
                    LOG.error("onRemoveTrack failed", e);
                    if (subscriberOf != null) {
                        subscriberOf.errors.add(e);
                    }
                }
            }
        };
    }

    private static CreateSessionDescriptionObserver sessionObserver(CompletableFuture<RTCSessionDescription> result) {
        return new CreateSessionDescriptionObserver() {
            @Override
            public void onSuccess(RTCSessionDescription description) {
                result.complete(description);
            }

            @Override
            public void onFailure(String error) {
                result.completeExceptionally(new IllegalStateException(error));
            }
        };
    }

    private interface SetCall {
        void run(SetSessionDescriptionObserver observer);
    }

    private static void await(SetCall call) throws Exception {
        CompletableFuture<Void> done = new CompletableFuture<>();
        call.run(new SetSessionDescriptionObserver() {
            @Override
            public void onSuccess() {
                done.complete(null);
            }

            @Override
            public void onFailure(String error) {
                done.completeExceptionally(new IllegalStateException(error));
            }
        });
        done.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
    }

    @Override
    public void close() {
        pump.shutdownNow();
        signaling.shutdownNow();
        try {
            pump.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        // Tracks and sources are not disposed: webrtc-java throws "Native object was not deleted" while a closed
        // PeerConnection's sender still references them.
        publishPc.close();
        subscribePc.close();
    }
}
