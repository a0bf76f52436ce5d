package com.convene.sfu;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/// Wraps the signaling layer's [SfuListener] so that an exception it throws is logged once per call and never
/// unwinds into the SFU's room bookkeeping or the socket loop (STYLE.md §7: catch at the edge).
final class GuardedListener implements SfuListener {
    private static final Logger LOG = LoggerFactory.getLogger(GuardedListener.class);

    private final String participantId;
    private final SfuListener delegate;

    GuardedListener(String participantId, SfuListener delegate) {
        this.participantId = participantId;
        this.delegate = delegate;
    }

    @Override
    public void onSubscriberOffer(String sdpOffer) {
        try {
            delegate.onSubscriberOffer(sdpOffer);
        } catch (RuntimeException e) {
            LOG.warn("listener onSubscriberOffer threw participantId={}", participantId, e);
        }
    }

    @Override
    public void onDominantSpeaker(String speakerId) {
        try {
            delegate.onDominantSpeaker(speakerId);
        } catch (RuntimeException e) {
            LOG.warn("listener onDominantSpeaker threw participantId={}", participantId, e);
        }
    }

    @Override
    public void onTrackPublished(PublishedTrack track) {
        try {
            delegate.onTrackPublished(track);
        } catch (RuntimeException e) {
            LOG.warn("listener onTrackPublished threw participantId={}", participantId, e);
        }
    }

    @Override
    public void onTrackUnpublished(PublishedTrack track) {
        try {
            delegate.onTrackUnpublished(track);
        } catch (RuntimeException e) {
            LOG.warn("listener onTrackUnpublished threw participantId={}", participantId, e);
        }
    }

    @Override
    public void onPublisherConnected() {
        try {
            delegate.onPublisherConnected();
        } catch (RuntimeException e) {
            LOG.warn("listener onPublisherConnected threw participantId={}", participantId, e);
        }
    }

    @Override
    public void onSubscriberConnected() {
        try {
            delegate.onSubscriberConnected();
        } catch (RuntimeException e) {
            LOG.warn("listener onSubscriberConnected threw participantId={}", participantId, e);
        }
    }
}
