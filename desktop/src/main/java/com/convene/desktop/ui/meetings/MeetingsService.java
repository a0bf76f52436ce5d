package com.convene.desktop.ui.meetings;

import com.convene.model.api.MeetingView;
import java.util.List;

/// Meeting look-ups for the home screen; blocking, called off the FX thread. Failures are
/// [com.convene.desktop.call.CallException]s with messages safe to show.
public interface MeetingsService {
  List<MeetingView> upcomingMeetings();

  MeetingView meetingByCode(String code);
}
