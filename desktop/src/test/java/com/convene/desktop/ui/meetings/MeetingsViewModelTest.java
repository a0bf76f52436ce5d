package com.convene.desktop.ui.meetings;

import static org.assertj.core.api.Assertions.assertThat;

import com.convene.desktop.call.CallException;
import com.convene.desktop.ui.SyncBackground;
import com.convene.model.api.MeetingView;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class MeetingsViewModelTest {
  private static final UUID ID = UUID.fromString("3f2504e0-4f89-11d3-9a0c-0305e82c3301");
  private final List<JoinTarget> joins = new ArrayList<>();
  private final List<String> lookedUp = new ArrayList<>();

  private final MeetingsService service = new MeetingsService() {
    @Override
    public List<MeetingView> upcomingMeetings() {
      return List.of(meeting("Standup"));
    }

    @Override
    public MeetingView meetingByCode(String code) {
      lookedUp.add(code);
      if (code.equals("abc-defg-hij")) {
        return meeting("Design review");
      }
      throw new CallException("No meeting has that code.", "urn:convene:problem:meeting-not-found");
    }

    @Override
    public MeetingView createMeeting(com.convene.model.api.MeetingCreateRequest request) {
      throw new UnsupportedOperationException("not used here");
    }

    @Override
    public MeetingView cancelMeeting(UUID id) {
      throw new UnsupportedOperationException("not used here");
    }
  };
  private final MeetingsViewModel model = new MeetingsViewModel(service, new SyncBackground(), joins::add);

  @Test
  void refreshLoadsUpcomingMeetings() {
    model.refresh();
    assertThat(model.meetings()).extracting(MeetingView::title).containsExactly("Standup");
  }

  @Test
  void joinsPastedLinkAfterLookingUpTheCode() {
    model.joinCodeProperty().set("https://meet.example.com/j/abc-defg-hij");
    model.joinByCode();
    assertThat(lookedUp).containsExactly("abc-defg-hij");
    assertThat(joins).containsExactly(new JoinTarget(ID.toString(), "Design review"));
  }

  @Test
  void joinsMeetingIdDirectly() {
    model.joinCodeProperty().set("convene://join/" + ID);
    model.joinByCode();
    assertThat(lookedUp).isEmpty();
    assertThat(joins).extracting(JoinTarget::meeting).containsExactly(ID.toString());
  }

  @Test
  void showsServerDetailForUnknownCode() {
    model.joinCodeProperty().set("zzz-zzzz-zzz");
    model.joinByCode();
    assertThat(joins).isEmpty();
    assertThat(model.errorProperty().get()).isEqualTo("No meeting has that code.");
    assertThat(model.busyProperty().get()).isFalse();
  }

  @Test
  void rejectsTextThatIsNoMeetingReference() {
    model.joinCodeProperty().set("lunch tomorrow?");
    model.joinByCode();
    assertThat(joins).isEmpty();
    assertThat(model.errorProperty().get()).isNotBlank();
  }

  private static MeetingView meeting(String title) {
    return new MeetingView(ID, UUID.randomUUID(), title, null, "scheduled", "scheduled", null, null, "UTC", null,
        null, null, 100, false, true, false, false, true, true, true, false, "abc-defg-hij",
        "convene://join/abc-defg-hij", "https://meet.example.com/j/abc-defg-hij", null, null);
  }
}
