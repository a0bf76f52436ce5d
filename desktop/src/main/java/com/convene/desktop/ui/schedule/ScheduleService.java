package com.convene.desktop.ui.schedule;

import com.convene.model.api.MeetingCreateRequest;
import com.convene.model.api.MeetingUpdateRequest;
import com.convene.model.api.MeetingView;
import java.util.UUID;

/// What the schedule form needs from the server (`MeetingController`, `InvitationController`); blocking, called
/// off the FX thread. Failures are [com.convene.desktop.call.CallException]s whose message is the server's
/// problem `detail` (RFC 9457), safe to show.
public interface ScheduleService {
  /// `POST /api/v1/meetings`.
  MeetingView create(MeetingCreateRequest request);

  /// `PATCH /api/v1/meetings/{id}`; absent fields stay.
  MeetingView update(UUID meetingId, MeetingUpdateRequest request);

  /// `POST /api/v1/meetings/{id}/invitations` with an e-mail address (linked to the account that has it).
  void invite(UUID meetingId, String email);
}
