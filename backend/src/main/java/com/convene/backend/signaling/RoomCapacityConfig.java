package com.convene.backend.signaling;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

/// Room capacity that cannot be taken from the host, prefix `convene.room-capacity`
/// (docs/decisions/092-room-capacity.md).
///
/// @param devicesPerUser most places one user holds in one room at once, 1–20 (default 3): joined participants
///                       (also those held for a resume), places reserved for joins being recorded, and
///                       waiting-room entries all count; one more gets `TOO_MANY_DEVICES`
/// @param heldSeats      of the meeting's `max_participants`, places only the host and admins may take while they
///                       are not in the room, 0–10 (default 2; at most `max_participants` - 1 of a meeting)
/// @param waitingRoomMax most joiners in one meeting's waiting room at once, 1–1,000 (default 50); one more
///                       gets `WAITING_ROOM_FULL`
@ConfigurationProperties("convene.room-capacity")
record RoomCapacityConfig(
    @Bindable(defaultValue = "3") @Min(1) @Max(20) int devicesPerUser,
    @Bindable(defaultValue = "2") @Min(0) @Max(10) int heldSeats,
    @Bindable(defaultValue = "50") @Min(1) @Max(1000) int waitingRoomMax) {}
