package com.convene.desktop.ui.controls;

import com.convene.desktop.media.I420Converter;
import dev.onvoid.webrtc.media.video.VideoFrame;
import java.nio.ByteBuffer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.StringProperty;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.image.ImageView;
import javafx.scene.image.PixelBuffer;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.StackPane;
import org.jspecify.annotations.Nullable;

/// One participant's video with their name: frames are converted I420 → BGRA straight into the pixel memory of
/// a `PixelBuffer` behind the tile's `WritableImage` (one buffer per tile, reallocated only when the frame
/// size changes), then JavaFX is told the whole image is dirty. FX thread only.
///
/// Resizable: the picture keeps its aspect ratio inside whatever size the layout gives the tile (at least
/// 160 × 90 px; preferred 320 × 180 px until the layout says otherwise).
///
/// Mirrored ([#mirroredProperty()]): the picture is flipped left to right, as a self-view is shown in Zoom and Meet
/// (what others receive is never flipped).
///
/// Style class `video-tile`; its name label has id `tileName` and style class `tile-name`; the initials shown without
/// video have id `tilePlaceholder`.
public final class VideoTile extends StackPane {
  private static final int TILE_WIDTH = 320;
  private static final int TILE_HEIGHT = 180;
  private static final int MIN_WIDTH = 160;

  private final String participantId;
  private final ImageView view = new ImageView();
  private final Label name = new Label();
  private final Label placeholder = new Label();
  private final BooleanProperty mirrored = new SimpleBooleanProperty(this, "mirrored");
  private final ReadOnlyLongWrapper framesRendered = new ReadOnlyLongWrapper(this, "framesRendered");
  private @Nullable ByteBuffer pixels;
  private @Nullable PixelBuffer<ByteBuffer> pixelBuffer;

  /// @param participantId whose tile this is (for tests and look-ups)
  public VideoTile(String participantId) {
    this.participantId = participantId;
    getStyleClass().add("video-tile");
    setPrefSize(TILE_WIDTH, TILE_HEIGHT);
    setMinSize(MIN_WIDTH, MIN_WIDTH * 9 / 16);
    setMaxSize(USE_PREF_SIZE, USE_PREF_SIZE);
    // the picture follows the tile's size (grid cells, the speaker view's large tile, the strip)
    view.fitWidthProperty().bind(widthProperty().subtract(6));
    view.fitHeightProperty().bind(heightProperty().subtract(6));
    view.setPreserveRatio(true);
    view.setSmooth(true);
    name.setId("tileName");
    name.getStyleClass().add("tile-name");
    view.scaleXProperty().bind(mirrored.map(flip -> flip ? -1.0 : 1.0));
    placeholder.setId("tilePlaceholder");
    placeholder.getStyleClass().add("tile-placeholder");
    placeholder.textProperty().bind(name.textProperty().map(VideoTile::initials));
    placeholder.visibleProperty().bind(view.imageProperty().isNull());
    StackPane.setAlignment(name, Pos.BOTTOM_LEFT);
    getChildren().addAll(placeholder, view, name);
  }

  public String participantId() {
    return participantId;
  }

  /// The name shown on the tile.
  public StringProperty nameProperty() {
    return name.textProperty();
  }

  /// Whether the picture is flipped left to right (a self-view); `false` by default.
  public BooleanProperty mirroredProperty() {
    return mirrored;
  }

  /// Whether a picture is shown (otherwise the initials are).
  public boolean showsVideo() {
    return view.getImage() != null;
  }

  /// Frames drawn so far, 0 or more.
  public ReadOnlyLongProperty framesRenderedProperty() {
    return framesRendered.getReadOnlyProperty();
  }

  /// Draws one decoded frame; `frame` is only read during the call.
  public void render(VideoFrame frame) {
    int width = frame.buffer.getWidth();
    int height = frame.buffer.getHeight();
    if (pixelBuffer == null || pixelBuffer.getWidth() != width || pixelBuffer.getHeight() != height) {
      pixels = ByteBuffer.allocateDirect(width * height * 4);
      pixelBuffer = new PixelBuffer<>(width, height, pixels, PixelFormat.getByteBgraPreInstance());
      view.setImage(new WritableImage(pixelBuffer));
    }
    I420Converter.toBgra(frame.buffer, pixels);
    pixelBuffer.updateBuffer(buffer -> null);
    framesRendered.set(framesRendered.get() + 1);
  }

  /// Shows the name placeholder instead of video (camera off or track ended).
  public void clearVideo() {
    view.setImage(null);
    pixelBuffer = null;
    pixels = null;
  }

  /// Whether the tile shows a picture with visible detail: sampled luma spans more than 32 of 255 levels.
  /// A black, grey or missing frame answers `false`.
  public boolean hasNonBlankPixels() {
    ByteBuffer buffer = pixels;
    PixelBuffer<ByteBuffer> current = pixelBuffer;
    if (buffer == null || current == null || framesRendered.get() == 0) {
      return false;
    }
    return spansLuma(buffer, current.getWidth(), current.getHeight(), 32);
  }

  /// Whether BGRA pixels sampled on a 32x18 grid span more than `threshold` luma levels.
  static boolean spansLuma(ByteBuffer bgra, int width, int height, int threshold) {
    int min = 255;
    int max = 0;
    for (int gy = 0; gy < 18; gy++) {
      for (int gx = 0; gx < 32; gx++) {
        int x = (gx * width) / 32;
        int y = (gy * height) / 18;
        int at = (y * width + x) * 4;
        int b = bgra.get(at) & 0xFF;
        int g = bgra.get(at + 1) & 0xFF;
        int r = bgra.get(at + 2) & 0xFF;
        int luma = (299 * r + 587 * g + 114 * b) / 1000;
        min = Math.min(min, luma);
        max = Math.max(max, luma);
      }
    }
    return max - min > threshold;
  }

  /// Up to two initials of a display name, upper case: the first letter or digit of each of the first two words,
  /// leaving out what is in brackets ("Admin (host)" → `A`) and punctuation ("O'Brien, Pat" → `OP`). A name of
  /// punctuation only gives an empty string.
  public static String initials(String text) {
    String name = text == null ? "" : text.replaceAll("\\([^)]*\\)|\\[[^\\]]*\\]", " ");
    String initials = firstLetters(name);
    return initials.isEmpty() && text != null ? firstLetters(text) : initials;
  }

  private static String firstLetters(String text) {
    StringBuilder initials = new StringBuilder();
    for (String word : text.strip().split("\\s+")) {
      int at = 0;
      while (at < word.length() && !Character.isLetterOrDigit(word.codePointAt(at))) {
        at += Character.charCount(word.codePointAt(at));
      }
      if (at < word.length() && initials.codePointCount(0, initials.length()) < 2) {
        initials.appendCodePoint(Character.toUpperCase(word.codePointAt(at)));
      }
    }
    return initials.toString();
  }
}
