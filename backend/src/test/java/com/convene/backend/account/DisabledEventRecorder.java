package com.convene.backend.account;

import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/// Test bean: records every [UserDisabledEvent], standing in for the signaling layer's listener.
@Singleton
class DisabledEventRecorder {

    final List<UserDisabledEvent> events = new CopyOnWriteArrayList<>();

    @EventListener
    void on(UserDisabledEvent event) {
        events.add(event);
    }
}
