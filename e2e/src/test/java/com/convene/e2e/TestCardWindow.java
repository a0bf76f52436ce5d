package com.convene.e2e;

import java.awt.Color;
import java.awt.Frame;
import java.awt.Graphics;
import java.awt.GraphicsEnvironment;
import java.awt.Rectangle;
import java.awt.EventQueue;

/// A real window covering the whole screen with a known test card: four coloured quadrants
/// (top-left red, top-right green, bottom-left blue, bottom-right yellow). Needs a display (Xvfb in tests).
final class TestCardWindow implements AutoCloseable {
  /// Quadrant colours in reading order: top-left, top-right, bottom-left, bottom-right.
  static final Color[] QUADRANTS = {Color.RED, Color.GREEN, Color.BLUE, Color.YELLOW};

  private final Frame frame;

  private TestCardWindow(Frame frame) {
    this.frame = frame;
  }

  static TestCardWindow showFullScreen() throws Exception {
    Rectangle bounds =
        GraphicsEnvironment.getLocalGraphicsEnvironment().getDefaultScreenDevice().getDefaultConfiguration().getBounds();
    Frame[] holder = new Frame[1];
    EventQueue.invokeAndWait(
        () -> {
          Frame f =
              new Frame("Convene test card") {
                @Override
                public void paint(Graphics g) {
                  int w = getWidth() / 2;
                  int h = getHeight() / 2;
                  g.setColor(QUADRANTS[0]);
                  g.fillRect(0, 0, w, h);
                  g.setColor(QUADRANTS[1]);
                  g.fillRect(w, 0, getWidth() - w, h);
                  g.setColor(QUADRANTS[2]);
                  g.fillRect(0, h, w, getHeight() - h);
                  g.setColor(QUADRANTS[3]);
                  g.fillRect(w, h, getWidth() - w, getHeight() - h);
                }
              };
          f.setUndecorated(true);
          f.setBounds(bounds);
          f.setAlwaysOnTop(true);
          f.setVisible(true);
          holder[0] = f;
        });
    return new TestCardWindow(holder[0]);
  }

  @Override
  public void close() throws Exception {
    EventQueue.invokeAndWait(frame::dispose);
  }
}
