package com.convene.desktop.reminders;

import java.awt.AWTException;
import java.awt.EventQueue;
import java.awt.GraphicsEnvironment;
import java.awt.Image;
import java.awt.MenuItem;
import java.awt.PopupMenu;
import java.awt.SystemTray;
import java.awt.TrayIcon;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.application.Platform;
import javax.imageio.ImageIO;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/// The Convene icon in the system tray (AWT `SystemTray`: Windows' notification area, macOS' menu bar, Linux
/// desktops with a StatusNotifier/XEmbed tray; GNOME only with an extension), with the [TrayMenu]. Present only
/// where the desktop has a tray: [#install] answers empty otherwise and the app works as before. Menu choices
/// reach `onChoice` on the FX thread; every AWT call runs on the AWT event thread.
public final class ConveneTray {
  private static final Logger LOG = LoggerFactory.getLogger(ConveneTray.class);
  private final TrayIcon icon;
  private List<TrayMenu.Item> shown = List.of();

  private ConveneTray(TrayIcon icon) {
    this.icon = icon;
  }

  /// Adds the tray icon when the desktop has a tray. Blocks briefly on the AWT event thread; call once.
  ///
  /// @param onChoice receives the chosen item on the FX thread
  public static Optional<ConveneTray> install(String tooltip, Consumer<TrayMenu.Item> onChoice) {
    if (GraphicsEnvironment.isHeadless() || !SystemTray.isSupported()) {
      LOG.info("No system tray on this desktop; reminders show as windows only");
      return Optional.empty();
    }
    try (InputStream in = ConveneTray.class.getResourceAsStream("tray-icon.png")) {
      Image image = ImageIO.read(java.util.Objects.requireNonNull(in, "tray-icon.png"));
      TrayIcon icon = new TrayIcon(image, tooltip, new PopupMenu());
      icon.setImageAutoSize(true);
      ConveneTray tray = new ConveneTray(icon);
      tray.onChoice = onChoice;
      EventQueue.invokeAndWait(() -> {
        try {
          SystemTray.getSystemTray().add(icon);
        } catch (AWTException e) {
          throw new IllegalStateException(e);
        }
      });
      LOG.info("Tray icon added");
      return Optional.of(tray);
    } catch (IOException | RuntimeException | InterruptedException | java.lang.reflect.InvocationTargetException e) {
      LOG.warn("Tray icon could not be added: {}", e.toString());
      return Optional.empty();
    }
  }

  private Consumer<TrayMenu.Item> onChoice = item -> {};

  /// Shows `items` as the menu (rebuilt only when they changed, so an open menu is not disturbed needlessly).
  public void update(List<TrayMenu.Item> items) {
    if (items.equals(shown)) {
      return;
    }
    shown = items;
    EventQueue.invokeLater(() -> {
      try {
        PopupMenu menu = icon.getPopupMenu();
        menu.removeAll();
        for (TrayMenu.Item item : items) {
          if (item.action() == TrayMenu.Action.QUIT) {
            menu.addSeparator();
          }
          MenuItem entry = new MenuItem(item.label());
          entry.setEnabled(item.enabled());
          entry.addActionListener(event -> Platform.runLater(() -> onChoice.accept(item)));
          menu.add(entry);
        }
      } catch (RuntimeException e) {
        LOG.warn("Tray menu not updated: {}", e.toString());
      }
    });
  }

  /// Shows a desktop notification from the tray icon (where the platform supports it).
  public void notify(String caption, String text) {
    EventQueue.invokeLater(() -> {
      try {
        icon.displayMessage(caption, text, TrayIcon.MessageType.INFO);
      } catch (RuntimeException e) {
        LOG.debug("Tray notification not shown: {}", e.toString());
      }
    });
  }

  /// Removes the icon.
  public void remove() {
    EventQueue.invokeLater(() -> {
      try {
        SystemTray.getSystemTray().remove(icon);
      } catch (RuntimeException e) {
        LOG.debug("Tray icon not removed: {}", e.toString());
      }
    });
  }
}
