package com.convene.sfu.media;

import com.convene.sfu.SfuRoom;
import dev.onvoid.webrtc.PeerConnectionFactory;
import dev.onvoid.webrtc.media.audio.AudioDeviceModule;
import dev.onvoid.webrtc.media.audio.AudioLayer;
import dev.onvoid.webrtc.media.audio.HeadlessAudioDeviceModule;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.util.List;
import org.junit.jupiter.api.Assumptions;

/// The two webrtc-java factories [TestPeer]s share — publishing from libwebrtc's dummy audio module, subscribing
/// with the headless one that plays out (see [TestPeer]'s constructor for why) — and the media tests' common steps.
/// Closing disposes them.
final class TestFactories implements AutoCloseable {
    private final AudioDeviceModule silentModule = new AudioDeviceModule(AudioLayer.kDummyAudio);
    private final PeerConnectionFactory publishFactory = new PeerConnectionFactory(silentModule);
    private final HeadlessAudioDeviceModule playoutModule = new HeadlessAudioDeviceModule();
    private final PeerConnectionFactory subscribeFactory = new PeerConnectionFactory(playoutModule);

    /// Skips the test unless `address` sits on a non-loopback interface: libwebrtc gathers no candidates on `lo`,
    /// so media tests run in the test network namespace (docs/decisions/005-test-network-namespace.md).
    static void assumeMediaNamespace(String address) throws Exception {
        NetworkInterface nic = NetworkInterface.getByInetAddress(InetAddress.getByName(address));
        Assumptions.assumeTrue(nic != null && !nic.isLoopback(),
                address + " must be on a non-loopback interface (run inside the network namespace)");
    }

    /// New peers on these factories, not yet joined.
    List<TestPeer> peers(String... names) {
        return java.util.Arrays.stream(names).map(n -> new TestPeer(n, publishFactory, subscribeFactory)).toList();
    }

    /// Joins each peer to `room` in turn and publishes its tracks.
    static void joinAll(SfuRoom room, List<TestPeer> peers) throws Exception {
        for (TestPeer peer : peers) {
            peer.joinAndPublish(p -> {
                var participant = room.join(p.name(), p.listener());
                p.attach(participant);
                return participant;
            });
        }
    }

    @Override
    public void close() {
        subscribeFactory.dispose();
        publishFactory.dispose();
        playoutModule.dispose();
        silentModule.dispose();
    }
}
