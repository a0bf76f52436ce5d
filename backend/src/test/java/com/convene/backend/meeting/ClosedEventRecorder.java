package com.convene.backend.meeting;

import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/// Test bean: records every [MeetingClosedEvent], standing in for the signaling layer's listener.
@Singleton
class ClosedEventRecorder {

    final List<MeetingClosedEvent> events = new CopyOnWriteArrayList<>();

    @EventListener
    void on(MeetingClosedEvent event) {
        events.add(event);
    }
}
