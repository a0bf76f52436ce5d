package com.convene.desktop.ui.recordings;

import com.convene.model.api.RecordingUpdateRequest;
import com.convene.model.api.RecordingView;
import java.nio.file.Path;
import java.util.List;
import java.util.function.BiConsumer;
import org.jspecify.annotations.Nullable;

/// What the recordings screen asks the server; blocking, called off the FX thread. Failures are
/// [com.convene.desktop.call.CallException]s with messages safe to show.
public interface RecordingsService {
  /// Problem type of a download refused for a missing or wrong recording password (docs/problems.md).
  String PASSWORD_REQUIRED = "urn:convene:problem:recording-password-required";

  /// The recordings of my meetings that I may see, newest first.
  List<RecordingView> myRecordings();

  /// Downloads a recording's composed video to `target`.
  ///
  /// @param password the recording's download password, or null when none was asked for
  /// @param progress receives (bytes so far, total bytes or -1) on the calling thread
  /// @throws com.convene.desktop.call.CallException with problem type [#PASSWORD_REQUIRED] when the recording is
  ///         password-protected and `password` is missing or wrong
  void download(RecordingView recording, @Nullable String password, Path target, BiConsumer<Long, Long> progress);

  /// Changes who may see and download a recording I manage ([RecordingView#canManage()]).
  ///
  /// @return the recording as it is now
  RecordingView update(RecordingView recording, RecordingUpdateRequest request);

  /// Composes a recording I manage again after its composition failed.
  ///
  /// @return the recording, `processing` again
  RecordingView recompose(RecordingView recording);

  /// Deletes a recording I manage with all its files.
  void delete(RecordingView recording);
}
