package com.convene.sfu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.convene.sfu.sdp.MediaDescription;
import com.convene.sfu.sdp.SessionDescription;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/// Signaling behaviour of rooms without media: track announcements, one outstanding subscriber offer at a time,
/// stable mids and inactive m-lines for tracks that went away.
class SfuRoomTest {
    private SfuServer server;
    private SfuRoom room;
    private String publishOffer;

    static final class RecordingListener implements SfuListener {
        final List<String> offers = new CopyOnWriteArrayList<>();
        final List<PublishedTrack> published = new CopyOnWriteArrayList<>();
        final List<PublishedTrack> unpublished = new CopyOnWriteArrayList<>();

        @Override
        public void onSubscriberOffer(String sdpOffer) {
            offers.add(sdpOffer);
        }

        @Override
        public void onTrackPublished(PublishedTrack track) {
            published.add(track);
        }

        @Override
        public void onTrackUnpublished(PublishedTrack track) {
            unpublished.add(track);
        }

        String lastOffer() {
            return offers.getLast();
        }
    }

    @BeforeEach
    void setUp() throws IOException {
        server = SfuServer.start(SfuConfig.loopback("127.0.0.1"));
        room = server.room("room-1");
        try (InputStream in = getClass().getResourceAsStream("/sdp/libwebrtc-publish-offer.sdp")) {
            publishOffer = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @AfterEach
    void tearDown() {
        server.close();
    }

    @Test
    void announcesTracksAndQueuesRenegotiationUntilAnswer() {
        RecordingListener alice = new RecordingListener();
        SfuParticipant aliceParticipant = room.join("alice", alice);
        aliceParticipant.acceptPublisherOffer(publishOffer);
        assertThat(room.tracks()).extracting(PublishedTrack::participantId).containsExactly("alice", "alice");

        RecordingListener bob = new RecordingListener();
        SfuParticipant bobParticipant = room.join("bob", bob);
        assertThat(bob.published).hasSize(2);
        assertThat(bob.offers).hasSize(1);
        assertThat(directions(bob.lastOffer())).containsExactly("sendonly", "sendonly");
        assertThat(bob.lastOffer()).contains("a=msid:alice capture-video", "a=setup:actpass", "a=ice-lite");

        RecordingListener carol = new RecordingListener();
        room.join("carol", carol).acceptPublisherOffer(publishOffer);
        assertThat(bob.published).hasSize(4);
        assertThat(bob.offers).as("second offer waits for the first answer").hasSize(1);

        bobParticipant.acceptSubscriberAnswer(answerFor(bob.lastOffer(), "active"));
        assertThat(bob.offers).hasSize(2);
        assertThat(mids(bob.lastOffer())).containsExactly("0", "1", "2", "3");
        bobParticipant.acceptSubscriberAnswer(answerFor(bob.lastOffer(), "active"));

        room.leave("alice");
        assertThat(bob.unpublished).hasSize(2).allMatch(track -> track.participantId().equals("alice"));
        assertThat(bob.offers).hasSize(3);
        assertThat(mids(bob.lastOffer())).containsExactly("0", "1", "2", "3");
        assertThat(directions(bob.lastOffer())).containsExactly("inactive", "inactive", "sendonly", "sendonly");
        assertThat(room.tracks()).extracting(PublishedTrack::participantId).containsOnly("carol");
    }

    @Test
    void rejectsAnswerWithoutOfferAndPassiveAnswer() {
        room.join("alice", new RecordingListener()).acceptPublisherOffer(publishOffer);
        RecordingListener bob = new RecordingListener();
        SfuParticipant bobParticipant = room.join("bob", bob);

        assertThatThrownBy(() -> bobParticipant.acceptSubscriberAnswer(answerFor(bob.lastOffer(), "passive")))
                .isInstanceOfSatisfying(SdpException.class,
                        e -> assertThat(e.reason()).isEqualTo(SdpException.Reason.BAD_SETUP_ROLE));
        bobParticipant.acceptSubscriberAnswer(answerFor(bob.lastOffer(), "active"));
        assertThatThrownBy(() -> bobParticipant.acceptSubscriberAnswer(answerFor(bob.lastOffer(), "active")))
                .isInstanceOfSatisfying(SdpException.class,
                        e -> assertThat(e.reason()).isEqualTo(SdpException.Reason.UNEXPECTED_ANSWER));
    }

    @Test
    void unpublishesTrackDroppedFromLaterOffer() {
        SfuParticipant alice = room.join("alice", new RecordingListener());
        alice.acceptPublisherOffer(publishOffer);
        RecordingListener bob = new RecordingListener();
        room.join("bob", bob);

        String audioOnly = publishOffer.replaceFirst("a=sendrecv", "a=inactive");
        alice.acceptPublisherOffer(audioOnly);

        assertThat(bob.unpublished).extracting(PublishedTrack::kind).containsExactly(MediaKind.VIDEO);
        assertThat(room.tracks()).extracting(PublishedTrack::kind).containsExactly(MediaKind.AUDIO);
    }

    @Test
    void listenerExceptionsDoNotBreakTheRoom() {
        room.join("alice", new RecordingListener()).acceptPublisherOffer(publishOffer);
        SfuListener throwing = new SfuListener() {
            @Override
            public void onSubscriberOffer(String sdpOffer) {
                throw new IllegalStateException("boom");
            }

            @Override
            public void onTrackPublished(PublishedTrack track) {
                throw new IllegalStateException("boom");
            }

            @Override
            public void onTrackUnpublished(PublishedTrack track) {
                throw new IllegalStateException("boom");
            }
        };
        room.join("bob", throwing);
        room.leave("alice");

        assertThat(room.tracks()).isEmpty();
    }

    private static List<String> directions(String sdp) {
        return SessionDescription.parse(sdp).media().stream().map(MediaDescription::direction).toList();
    }

    private static List<String> mids(String sdp) {
        return SessionDescription.parse(sdp).media().stream().map(m -> m.attribute("mid")).toList();
    }

    /// A minimal answer like libwebrtc's: same m-lines, recvonly where the offer sends.
    static String answerFor(String offer, String setup) {
        SessionDescription description = SessionDescription.parse(offer);
        StringBuilder answer = new StringBuilder("v=0\r\no=- 7 2 IN IP4 127.0.0.1\r\ns=-\r\nt=0 0\r\n");
        answer.append("a=group:BUNDLE ").append(String.join(" ", description.bundleMids())).append("\r\n");
        for (MediaDescription media : description.media()) {
            answer.append("m=").append(media.media()).append(" 9 ").append(media.protocol()).append(' ')
                    .append(media.formats().getFirst()).append("\r\nc=IN IP4 0.0.0.0\r\n")
                    .append("a=ice-ufrag:cli1\r\na=ice-pwd:0123456789012345678901\r\n")
                    .append("a=fingerprint:sha-256 01:02\r\na=setup:").append(setup).append("\r\n")
                    .append("a=mid:").append(media.attribute("mid")).append("\r\n")
                    .append(media.direction().equals("sendonly") ? "a=recvonly\r\n" : "a=inactive\r\n");
        }
        return answer.toString();
    }
}
