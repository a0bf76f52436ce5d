package com.convene.backend.signaling;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/// The seat arithmetic of decision 092: held seats, per-user places, reservations, waiting-room cap.
class RoomSeatsTest {
  private final RoomSeats seats = new RoomSeats(new RoomCapacityConfig(3, 2, 50));

  @Test
  void membersLeaveTheHeldSeatsFreeUntilTheHostAndAdminsAreIn() {
    // 4 seats, 2 held: members may take 2
    assertThat(seats.seatFree(1, 0, 4, false)).isTrue();
    assertThat(seats.seatFree(2, 0, 4, false)).isFalse();
    assertThat(seats.seatFree(2, 0, 4, true)).isTrue();
    // the host is in: one held seat left for an admin
    assertThat(seats.seatFree(3, 1, 4, false)).isFalse();
    assertThat(seats.seatFree(3, 1, 4, true)).isTrue();
    assertThat(seats.seatFree(4, 2, 4, true)).isFalse();
  }

  @Test
  void aTwoSeatMeetingHoldsOnlyOneSeat() {
    assertThat(seats.seatFree(0, 0, 2, false)).isTrue();
    assertThat(seats.seatFree(1, 0, 2, false)).isFalse();
    assertThat(seats.seatFree(1, 0, 2, true)).isTrue();
  }

  @Test
  void reservationsTakeSeatsAndCountPerUser() {
    seats.reserve("u1");
    seats.reserve("u1");
    assertThat(seats.reserved()).isEqualTo(2);
    assertThat(seats.reservedBy("u1")).isEqualTo(2);
    assertThat(seats.seatFree(0, 0, 4, false)).isFalse();
    seats.release("u1");
    seats.release("nobody");
    assertThat(seats.reserved()).isEqualTo(1);
    assertThat(seats.reservedBy("u1")).isEqualTo(1);
  }

  @Test
  void placesPerUserAndTheWaitingRoomAreCapped() {
    assertThat(seats.placeLeft(2)).isTrue();
    assertThat(seats.placeLeft(3)).isFalse();
    assertThat(seats.waitingRoomHasRoom(49)).isTrue();
    assertThat(seats.waitingRoomHasRoom(50)).isFalse();
  }
}
