package com.convene.desktop.ui.controls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.convene.desktop.ui.call.Reactions;
import java.util.concurrent.atomic.AtomicReference;
import javafx.scene.image.Image;
import javafx.scene.image.PixelReader;
import javafx.scene.paint.Color;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/// Issue 16 item 5: every reaction the app offers has a bundled image that draws without any emoji font (the
/// bug was empty boxes or blanks): each is drawn at the asked size with most of its pixels opaque and the colours
/// of the emoji (the red heart, the yellow faces and hands), transparent in the corners; the same emoji and
/// size come from the cache; an unknown emoji is refused.
class ReactionImagesFxTest {

  @BeforeAll
  static void toolkit() throws Exception {
    System.setProperty("testfx.robot", "glass");
    System.setProperty("testfx.headless", "true");
    System.setProperty("glass.platform", "Monocle");
    System.setProperty("monocle.platform", "Headless");
    System.setProperty("prism.order", "sw");
    System.setProperty("java.awt.headless", "true");
    FxToolkit.registerPrimaryStage();
  }

  @Test
  void everyOfferedReactionDrawsAsAnImageWithoutAFont() {
    for (String emoji : Reactions.EMOJI) {
      assertThat(ReactionImages.has(emoji)).as(emoji).isTrue();
      Image image = onFx(() -> ReactionImages.image(emoji, 48));
      assertThat(image.getWidth()).isEqualTo(48);
      assertThat(image.getHeight()).isEqualTo(48);
      assertThat(opaqueShare(image)).as("opaque share of " + emoji).isGreaterThan(0.25);
      assertThat(image.getPixelReader().getColor(0, 0).getOpacity()).as("corner of " + emoji).isLessThan(0.1);
    }
  }

  @Test
  void facesAreYellowAndTheHeartIsRed() {
    Color joy = onFx(() -> ReactionImages.image("\uD83D\uDE02", 72)).getPixelReader().getColor(36, 6);
    assertThat(joy.getRed()).isGreaterThan(0.9);
    assertThat(joy.getGreen()).isGreaterThan(0.7);
    assertThat(joy.getBlue()).isLessThan(0.4);
    Color heart = onFx(() -> ReactionImages.image("\u2764\uFE0F", 72)).getPixelReader().getColor(36, 40);
    assertThat(heart.getRed()).isGreaterThan(0.8);
    assertThat(heart.getGreen()).isLessThan(0.3);
  }

  @Test
  void cachesPerSizeAndRefusesUnknownEmoji() {
    assertThat(onFx(() -> ReactionImages.image("\uD83D\uDC4D", 32)))
        .isSameAs(onFx(() -> ReactionImages.image("\uD83D\uDC4D", 32)));
    assertThat(ReactionImages.has("\uD83E\uDD84")).isFalse();
    assertThatThrownBy(() -> onFx(() -> ReactionImages.image("\uD83E\uDD84", 32)))
        .hasRootCauseInstanceOf(IllegalArgumentException.class);
  }

  private static double opaqueShare(Image image) {
    PixelReader pixels = image.getPixelReader();
    int opaque = 0;
    int all = 0;
    for (int y = 0; y < image.getHeight(); y++) {
      for (int x = 0; x < image.getWidth(); x++) {
        all++;
        if (pixels.getColor(x, y).getOpacity() > 0.5) {
          opaque++;
        }
      }
    }
    return (double) opaque / all;
  }

  private static <T> T onFx(java.util.concurrent.Callable<T> work) {
    AtomicReference<T> result = new AtomicReference<>();
    AtomicReference<Throwable> failure = new AtomicReference<>();
    WaitForAsyncUtils.waitForAsyncFx(10_000, () -> {
      try {
        result.set(work.call());
      } catch (Throwable e) {
        failure.set(e);
      }
    });
    if (failure.get() != null) {
      throw new IllegalStateException(failure.get());
    }
    return result.get();
  }
}
