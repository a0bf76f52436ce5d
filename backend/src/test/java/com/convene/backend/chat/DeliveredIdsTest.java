package com.convene.backend.chat;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.Test;

/// [DeliveredIds]: a message id is handed on the first time only, and the oldest ids are forgotten past capacity.
class DeliveredIdsTest {

    @Test
    void reportsAnIdAsNewOnlyTheFirstTime() {
        DeliveredIds ids = new DeliveredIds(100);
        UUID id = UUID.randomUUID();
        assertThat(ids.firstTime(id)).isTrue();
        assertThat(ids.firstTime(id)).isFalse();
        assertThat(ids.firstTime(UUID.randomUUID())).isTrue();
    }

    @Test
    void forgetsTheOldestIdPastCapacity() {
        DeliveredIds ids = new DeliveredIds(3);
        UUID oldest = UUID.randomUUID();
        ids.firstTime(oldest);
        UUID[] newer = {UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID()};
        for (UUID id : newer) {
            assertThat(ids.firstTime(id)).isTrue();
        }
        assertThat(ids.firstTime(newer[2])).as("still remembered").isFalse();
        assertThat(ids.firstTime(oldest)).as("forgotten, so new again").isTrue();
    }
}
