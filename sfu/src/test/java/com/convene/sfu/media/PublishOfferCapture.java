package com.convene.sfu.media;

import dev.onvoid.webrtc.PeerConnectionFactory;
import dev.onvoid.webrtc.media.audio.HeadlessAudioDeviceModule;
import java.nio.file.Files;
import java.nio.file.Path;

/// Writes a real libwebrtc publish offer (one VP8 video and one audio track) to the path in args[0]; used to refresh
/// `src/test/resources/sdp/libwebrtc-publish-offer.sdp`. Not a test.
final class PublishOfferCapture {
    private PublishOfferCapture() {
    }

    public static void main(String[] args) throws Exception {
        PeerConnectionFactory factory = new PeerConnectionFactory(new HeadlessAudioDeviceModule());
        try (TestPeer peer = new TestPeer("capture", factory, factory)) {
            peer.addLocalTracks();
            Files.writeString(Path.of(args[0]), peer.createPublishOffer());
        } finally {
            factory.dispose();
        }
        System.exit(0);
    }
}
