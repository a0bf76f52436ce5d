package com.convene.desktop.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/// The UI text bundles: German has exactly the default (English) bundle's keys with the same placeholders,
/// and the views hold no user-visible text of their own.
class MessagesBundleTest {
  private static final Pattern LITERAL = Pattern.compile("\"((?:[^\"\\\\]|\\\\.)*)\"");
  /// Prose: a capitalised word, or words separated by a space.
  private static final Pattern PROSE = Pattern.compile("^[A-Z][a-z]+.*|.*[A-Za-z]\\s+[A-Za-z].*");

  @Test
  void germanHasEveryKeyAndNoOther() throws IOException {
    Properties english = load("messages.properties");
    Properties german = load("messages_de.properties");
    assertThat(german.stringPropertyNames()).containsExactlyInAnyOrderElementsOf(english.stringPropertyNames());
    for (String key : english.stringPropertyNames()) {
      assertThat(german.getProperty(key)).as(key).isNotBlank();
      assertThat(new MessageFormat(german.getProperty(key)).getFormats())
          .as("placeholders of " + key)
          .hasSameSizeAs(new MessageFormat(english.getProperty(key)).getFormats());
    }
  }

  @Test
  void viewsTakeTheirTextFromTheBundle() throws IOException {
    Path ui = Path.of("src/main/java/com/convene/desktop/ui");
    List<String> offenders = new ArrayList<>();
    try (Stream<Path> files = Files.walk(ui)) {
      for (Path file : files.filter(MessagesBundleTest::isView).toList()) {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        for (int i = 0; i < lines.size(); i++) {
          String line = lines.get(i).strip();
          if (line.startsWith("///") || line.startsWith("//") || line.contains("LOG.")) {
            continue;
          }
          Matcher literal = LITERAL.matcher(line);
          while (literal.find()) {
            if (PROSE.matcher(literal.group(1)).matches()) {
              offenders.add(file.getFileName() + ":" + (i + 1) + " " + literal.group());
            }
          }
        }
      }
    }
    assertThat(offenders).isEmpty();
  }

  private static boolean isView(Path file) {
    String name = file.getFileName().toString();
    return name.endsWith("View.java") || name.endsWith("Panel.java") || name.equals("ControlBar.java")
        || name.equals("TileOverlay.java") || name.equals("VideoStage.java") || name.equals("VideoTile.java")
        || name.equals("SharePicker.java") || name.equals("CallOverlays.java");
  }

  private static Properties load(String name) throws IOException {
    Properties properties = new Properties();
    try (InputStream in = Messages.class.getResourceAsStream(name)) {
      assertThat(in).as(name).isNotNull();
      properties.load(in);
    }
    return properties;
  }
}
