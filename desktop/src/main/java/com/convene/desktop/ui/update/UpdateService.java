package com.convene.desktop.ui.update;

import com.convene.model.api.ClientDownload;
import com.convene.model.api.ClientRelease;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.BiConsumer;

/// What the update banner asks the server; blocking, called off the FX thread. Failures are
/// [com.convene.desktop.call.CallException]s with messages safe to show.
public interface UpdateService {
  /// The newest release the server offers for this computer's OS and architecture, or empty when it offers none.
  Optional<ClientRelease> latest();

  /// Downloads one installer of a release to `target`.
  ///
  /// @param progress receives (bytes so far, total bytes or -1) on the calling thread
  void download(ClientDownload installer, Path target, BiConsumer<Long, Long> progress);
}
