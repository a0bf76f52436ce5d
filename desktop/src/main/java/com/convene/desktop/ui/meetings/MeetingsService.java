package com.convene.desktop.ui.meetings;

import com.convene.model.api.MeetingCreateRequest;
import com.convene.model.api.MeetingView;
import java.util.List;
import java.util.UUID;

/// Meeting look-ups and changes for the home screen (`/api/v1/meetings`, see `MeetingController`); blocking,
/// called off the FX thread. Failures are [com.convene.desktop.call.CallException]s with messages safe to show.
public interface MeetingsService {
  /// My meetings (hosted or invited), as `GET /api/v1/meetings` lists them.
  List<MeetingView> upcomingMeetings();

  /// A meeting by join code: `GET /api/v1/meetings/by-code/{code}`.
  MeetingView meetingByCode(String code);

  /// Creates a meeting: `POST /api/v1/meetings`; an instant one for "New meeting".
  MeetingView createMeeting(MeetingCreateRequest request);

  /// Cancels a meeting or a whole series I host: `POST /api/v1/meetings/{id}/cancel`.
  MeetingView cancelMeeting(UUID id);
}
