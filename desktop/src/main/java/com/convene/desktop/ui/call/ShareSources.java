package com.convene.desktop.ui.call;

import com.convene.desktop.media.ScreenCaptureSource;
import com.convene.desktop.media.ScreenInfo;
import java.awt.GraphicsDevice;
import java.awt.GraphicsEnvironment;
import java.awt.Image;
import java.awt.Robot;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/// What the share picker can offer. Blocking (taking thumbnails takes a screen capture each): never on the FX
/// thread.
@FunctionalInterface
public interface ShareSources {
  /// Thumbnail width in px.
  int THUMBNAIL_WIDTH = 240;

  /// The screens that can be shared now, each with a thumbnail; empty when nothing can be captured here.
  List<ShareChoice> list();

  /// The local display's screens ([ScreenCaptureSource#screens()]) with thumbnails taken by `java.awt.Robot`,
  /// the way [com.convene.desktop.media.RobotScreenCapture] captures them for the share. Windows are not offered:
  /// webrtc-java's window capturer crashes the JVM on Linux (see [ScreenCaptureSource]).
  static ShareSources screens() {
    return () -> {
      List<ShareChoice> choices = new ArrayList<>();
      for (ScreenInfo screen : ScreenCaptureSource.screens()) {
        choices.add(new ShareChoice(screen, Thumbnails.take(screen)));
      }
      return List.copyOf(choices);
    };
  }

  /// Screen thumbnails through AWT.
  final class Thumbnails {
    private static final Logger LOG = LoggerFactory.getLogger(ShareSources.class);

    private Thumbnails() {}

    static javafx.scene.image.@org.jspecify.annotations.Nullable Image take(ScreenInfo screen) {
      try {
        GraphicsDevice device = Arrays.stream(GraphicsEnvironment.getLocalGraphicsEnvironment().getScreenDevices())
            .filter(d -> d.getIDstring().equals(screen.id())).findFirst().orElse(null);
        if (device == null) {
          return null;
        }
        BufferedImage full = new Robot(device).createScreenCapture(
            new java.awt.Rectangle(screen.x(), screen.y(), screen.width(), screen.height()));
        return scaled(full, THUMBNAIL_WIDTH);
      } catch (Exception | Error e) { // AWTException, SecurityException, a headless or Wayland desktop
        LOG.info("No thumbnail of {}: {}", screen.name(), e.toString());
        return null;
      }
    }

    /// `image` scaled to `width` px wide (aspect kept) as a JavaFX image.
    static WritableImage scaled(BufferedImage image, int width) {
      int height = Math.max(1, image.getHeight() * width / Math.max(1, image.getWidth()));
      BufferedImage small = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
      var graphics = small.createGraphics();
      graphics.drawImage(image.getScaledInstance(width, height, Image.SCALE_SMOOTH), 0, 0, null);
      graphics.dispose();
      int[] argb = small.getRGB(0, 0, width, height, null, 0, width);
      WritableImage result = new WritableImage(width, height);
      result.getPixelWriter().setPixels(0, 0, width, height, PixelFormat.getIntArgbInstance(), argb, 0, width);
      return result;
    }
  }
}
