package com.convene.desktop.ui.recordings;

import com.convene.model.api.RecordingView;
import java.nio.file.Path;
import java.util.List;
import java.util.function.BiConsumer;

/// What the recordings screen asks the server; blocking, called off the FX thread. Failures are
/// [com.convene.desktop.call.CallException]s with messages safe to show.
public interface RecordingsService {
  /// The recordings of my meetings that I may see, newest first.
  List<RecordingView> myRecordings();

  /// Downloads a recording's composed video to `target`.
  ///
  /// @param progress receives (bytes so far, total bytes or -1) on the calling thread
  void download(RecordingView recording, Path target, BiConsumer<Long, Long> progress);
}
