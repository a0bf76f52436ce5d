package com.convene.desktop.app;

import com.convene.desktop.call.ConveneApiClient;
import com.convene.desktop.call.SignedIn;
import com.convene.desktop.ui.meetings.MeetingsService;
import com.convene.desktop.ui.schedule.ScheduleService;
import com.convene.model.api.MeetingCreateRequest;
import com.convene.model.api.MeetingUpdateRequest;
import com.convene.model.api.MeetingView;
import com.convene.desktop.ui.recordings.RecordingsService;
import com.convene.model.api.RecordingUpdateRequest;
import com.convene.model.api.RecordingView;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.BiConsumer;
import org.jspecify.annotations.Nullable;

/// The screens' services on the REST client for one sign-in: what the home screen and the schedule form need
/// (`/api/v1/meetings`) and the recordings screen (`/api/v1/recordings`). Blocking, like the client: called off the FX thread by the view models.
final class ApiServices implements MeetingsService, ScheduleService, RecordingsService {
  private final ConveneApiClient api;
  private final SignedIn session;

  ApiServices(ConveneApiClient api, SignedIn session) {
    this.api = api;
    this.session = session;
  }

  @Override
  public List<MeetingView> upcomingMeetings() {
    return api.upcomingMeetings(session);
  }

  @Override
  public MeetingView meetingByCode(String code) {
    return api.meetingByCode(session, code);
  }

  @Override
  public MeetingView createMeeting(MeetingCreateRequest request) {
    return api.createMeeting(session, request);
  }

  @Override
  public MeetingView cancelMeeting(UUID id) {
    return api.cancelMeeting(session, id);
  }

  @Override
  public MeetingView create(MeetingCreateRequest request) {
    return api.createMeeting(session, request);
  }

  @Override
  public MeetingView update(UUID meetingId, MeetingUpdateRequest request) {
    return api.updateMeeting(session, meetingId, request);
  }

  @Override
  public void invite(UUID meetingId, String email) {
    api.invite(session, meetingId, email);
  }

  @Override
  public List<RecordingView> myRecordings() {
    return api.myRecordings(session);
  }

  @Override
  public void download(RecordingView recording, @Nullable String password, Path target,
      BiConsumer<Long, Long> progress) {
    api.download(session, Objects.requireNonNull(recording.downloadPath()),
        password == null ? Map.of() : Map.of("X-Recording-Password", password), target, progress);
  }

  @Override
  public RecordingView update(RecordingView recording, RecordingUpdateRequest request) {
    return api.updateRecording(session, recording.id(), request);
  }

  @Override
  public RecordingView recompose(RecordingView recording) {
    return api.recomposeRecording(session, recording.id());
  }

  @Override
  public void delete(RecordingView recording) {
    api.deleteRecording(session, recording.id());
  }
}
