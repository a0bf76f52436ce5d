package com.convene.e2e;

import com.convene.desktop.bot.BotMain;
import com.convene.model.api.MeetingView;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/// One [BotMain] run on a thread of its own against a [BackendProcess], its output lines collected (and echoed with
/// a `[bot]` prefix), for the fault tests that kill the backend under it.
record BotRun(Thread thread, List<String> lines) {
  private static final Pattern REPORT = Pattern.compile("REPORT t=\\S+ bot=(\\S+) .* frames=(\\d+) ");

  /// Starts the bot: pattern video, a tone of `toneHz`, a report every 250 ms, for up to 180 s.
  static BotRun start(BackendProcess backend, RestFixture.Account account, MeetingView meeting, String name,
      int toneHz) {
    List<String> lines = new CopyOnWriteArrayList<>();
    PrintStream out = new PrintStream(new LineSink(lines), true, StandardCharsets.UTF_8);
    String[] args = {"--server", backend.baseUri().toString(), "--user", account.username(), "--password",
        account.password(), "--meeting", meeting.joinCode(), "--name", name, "--tone-hz", Integer.toString(toneHz),
        "--duration", "180s", "--report-every", "250ms"};
    Thread thread = Thread.ofPlatform().name("bot-" + name).start(() -> BotMain.run(args, out));
    return new BotRun(thread, lines);
  }

  /// The participant id of the bot's `join`-th join (0 = the first).
  String participant(int join) {
    return lines.stream().filter(l -> l.startsWith("JOINED") || l.startsWith("REJOINED")).skip(join).findFirst()
        .map(l -> l.replaceAll(".* participant=(\\S+) .*", "$1")).orElseThrow();
  }

  /// How many times the bot joined again.
  long rejoins() {
    return lines.stream().filter(l -> l.startsWith("REJOINED")).count();
  }

  /// The latest frame count of `other` (by display name) reported after the bot's `join`-th join (0 = the first).
  long framesOf(String other, int join) {
    int joins = -1;
    long frames = 0;
    for (String line : lines) {
      if (line.startsWith("JOINED") || line.startsWith("REJOINED")) {
        joins++;
        frames = 0;
      }
      Matcher m = REPORT.matcher(line);
      if (joins == join && m.find() && line.contains(" name=" + other + " ")) {
        frames = Long.parseLong(m.group(2));
      }
    }
    return frames;
  }

  /// Stops the bot (it reports, leaves and closes its media engine) and waits for it.
  void stop() throws InterruptedException {
    thread.interrupt();
    thread.join(20_000);
  }

  /// Collects what a bot prints, a line at a time.
  private static final class LineSink extends OutputStream {
    private final List<String> lines;
    private final ByteArrayOutputStream current = new ByteArrayOutputStream();

    LineSink(List<String> lines) {
      this.lines = lines;
    }

    @Override
    public synchronized void write(int b) {
      if (b == '\n') {
        String line = current.toString(StandardCharsets.UTF_8);
        lines.add(line);
        System.out.println("[bot] " + line);
        current.reset();
      } else {
        current.write(b);
      }
    }
  }
}
