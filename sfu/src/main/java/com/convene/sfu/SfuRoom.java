package com.convene.sfu;

import com.convene.sfu.routing.RtpTap;
import com.convene.sfu.routing.TrackRecorderSink;
import com.convene.sfu.routing.TrackRoute;
import com.convene.sfu.speaker.DominantSpeakerDetector;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Executor;
import org.jspecify.annotations.Nullable;

/// A set of participants who all receive each other's tracks.
///
/// Thread-safe: signaling threads call it concurrently. Membership and the track list are guarded by the room's
/// monitor; listener callbacks run after it is released.
public final class SfuRoom {
    private final String roomId;
    private final SfuServer server;
    private final Map<String, SfuParticipant> participants = new LinkedHashMap<>();
    /// Written under the monitor, read without it by publishers adding tracks.
    private volatile @Nullable RtpTap tap;
    /// The room's speaker detection, fed and read on the socket loop only.
    private final DominantSpeakerDetector speakers = new DominantSpeakerDetector(this::announceSpeaker);
    /// Listeners of the participants, replaced under the monitor and read by the loop without locking.
    private volatile SfuListener[] listeners = new SfuListener[0];
    /// The last dominant speaker announced, for joiners.
    private volatile @Nullable String dominantSpeaker;

    SfuRoom(String roomId, SfuServer server) {
        this.roomId = roomId;
        this.server = server;
    }

    /// The room id.
    public String roomId() {
        return roomId;
    }

    /// Adds a participant. It receives [SfuListener#onTrackPublished] for every track already in the room and, once
    /// there are any, a subscriber offer.
    ///
    /// @param participantId unique in the room
    /// @param callbacks     its callbacks; must not block; exceptions they throw are logged and ignored
    /// @throws IllegalStateException when the id is already in the room
    public SfuParticipant join(String participantId, SfuListener callbacks) {
        Objects.requireNonNull(participantId, "participantId");
        SfuListener listener = new GuardedListener(participantId, Objects.requireNonNull(callbacks, "listener"));
        SfuParticipant participant;
        List<TrackRoute> existing;
        synchronized (this) {
            if (participants.containsKey(participantId)) {
                throw new IllegalStateException("participant " + participantId + " already in room " + roomId);
            }
            participant = new SfuParticipant(participantId, this, server, listener);
            participants.put(participantId, participant);
            existing = routesExcept(participant);
            refreshListeners();
        }
        String speaking = dominantSpeaker;
        if (speaking != null) {
            listener.onDominantSpeaker(speaking);
        }
        for (TrackRoute route : existing) {
            listener.onTrackPublished(route.track());
        }
        participant.renegotiate();
        return participant;
    }

    /// Removes a participant: its tracks are unpublished and everyone else renegotiates. No-op when absent.
    public void leave(String participantId) {
        SfuParticipant participant;
        synchronized (this) {
            participant = participants.remove(participantId);
            refreshListeners();
        }
        server.router().execute(() -> speakers.remove(participantId));
        if (participant != null) {
            participant.closeTransports();
            tracksChanged(participant, List.of(), participant.takePublished());
        }
    }

    /// Starts recording the room: every publisher's decrypted RTP and sender reports, now and for tracks published
    /// later, flow to `sink` on `executor` through a bounded queue of `capacity` pooled packets (full: dropped and
    /// counted, the socket loop never waits). Each tapped video track is asked for a key frame.
    ///
    /// @param sink     the recorder
    /// @param capacity pooled packet buffers, 16–65,536
    /// @param executor runs the consumer; one of its threads stays busy until [#stopTap]
    /// @return the running tap
    /// @throws IllegalStateException when the room is already tapped
    public RtpTap startTap(TrackRecorderSink sink, int capacity, Executor executor) {
        RtpTap started;
        List<TrackRoute> routes;
        synchronized (this) {
            if (tap != null) {
                throw new IllegalStateException("room " + roomId + " is already tapped");
            }
            started = server.router().startTap(sink, capacity, executor);
            tap = started;
            routes = routesExcept(null);
        }
        for (TrackRoute route : routes) {
            server.router().attachTap(route, started);
        }
        return started;
    }

    /// Stops the tap, if any: the sink gets every packet already queued, then [TrackRecorderSink#onTapClosed].
    ///
    /// @return the stopped tap (await [RtpTap#closed()]), or null when none was running
    public @Nullable RtpTap stopTap() {
        RtpTap stopped;
        List<TrackRoute> routes;
        synchronized (this) {
            stopped = tap;
            tap = null;
            routes = routesExcept(null);
        }
        if (stopped != null) {
            server.router().stopTap(stopped, routes);
        }
        return stopped;
    }

    /// The participant with `participantId`, or null when it is not in the room.
    public synchronized @Nullable SfuParticipant participant(String participantId) {
        return participants.get(participantId);
    }

    /// The room's dominant-speaker detector; audio tracks feed it on the socket loop.
    DominantSpeakerDetector speakers() {
        return speakers;
    }

    /// The current dominant speaker, or null before anyone spoke.
    public @Nullable String dominantSpeaker() {
        return dominantSpeaker;
    }

    /// Called on the socket loop by the detector: tells every participant, without taking the room's lock.
    private void announceSpeaker(String participantId) {
        dominantSpeaker = participantId;
        for (SfuListener listener : listeners) {
            listener.onDominantSpeaker(participantId);
        }
    }

    private void refreshListeners() {
        listeners = participants.values().stream().map(SfuParticipant::listener).toArray(SfuListener[]::new);
    }

    /// The running tap, or null.
    public @Nullable RtpTap tap() {
        return tap;
    }

    /// Participants in the room now, 0 or more.
    public synchronized int participantCount() {
        return participants.size();
    }

    /// Every published track in the room.
    public synchronized List<PublishedTrack> tracks() {
        List<PublishedTrack> tracks = new ArrayList<>();
        for (SfuParticipant participant : participants.values()) {
            for (TrackRoute route : participant.published()) {
                tracks.add(route.track());
            }
        }
        return tracks;
    }

    synchronized List<TrackRoute> routesExcept(@Nullable SfuParticipant subscriber) {
        List<TrackRoute> routes = new ArrayList<>();
        for (SfuParticipant participant : participants.values()) {
            if (participant != subscriber) {
                routes.addAll(participant.published());
            }
        }
        return routes;
    }

    /// Tells everyone else about a publisher's added and removed tracks and renegotiates their subscriptions.
    void tracksChanged(SfuParticipant publisher, List<TrackRoute> added, List<TrackRoute> removed) {
        if (added.isEmpty() && removed.isEmpty()) {
            return;
        }
        List<SfuParticipant> others;
        synchronized (this) {
            others = new ArrayList<>(participants.values());
        }
        others.remove(publisher);
        for (SfuParticipant other : others) {
            for (TrackRoute route : removed) {
                other.listener().onTrackUnpublished(route.track());
            }
            for (TrackRoute route : added) {
                other.listener().onTrackPublished(route.track());
            }
            other.renegotiate();
        }
    }

    void closeAll() {
        List<String> ids;
        synchronized (this) {
            ids = new ArrayList<>(participants.keySet());
        }
        for (String id : ids) {
            leave(id);
        }
        stopTap();
    }
}
