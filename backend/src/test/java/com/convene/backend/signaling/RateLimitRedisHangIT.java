package com.convene.backend.signaling;

import static org.assertj.core.api.Assertions.assertThat;

import com.convene.backend.TestServices;
import com.convene.backend.devservices.RedisServerProcess;
import com.convene.model.api.MeetingView;
import com.convene.model.signal.ChatMessage;
import com.convene.model.signal.ChatSend;
import com.convene.model.signal.ErrorCode;
import com.convene.model.signal.JoinRequest;
import com.convene.model.signal.Signal;
import com.convene.model.signal.SignalError;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/// Rate limits while Redis hangs (docs/decisions/093-rate-limits.md, "fail to local"): this test's own
/// `redis-server` is frozen with `SIGSTOP`; a member's 30 chat messages are each answered within 1 s, and only
/// the node-local bucket's 10 are stored, the rest `RATE_LIMITED`; 10 wrong meeting passwords get 5 real checks
/// and then `RATE_LIMITED`. Limits neither open nor block a signaling thread when Redis does not answer.
@MicronautTest(transactional = false)
@Tag("fault")
class RateLimitRedisHangIT extends SignalingTestSupport {
  private static final Logger LOG = LoggerFactory.getLogger(RateLimitRedisHangIT.class);
  private static RedisServerProcess redisServer;

  @Override
  public Map<String, String> getProperties() {
    try {
      int port;
      try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
        port = s.getLocalPort();
      }
      redisServer = RedisServerProcess.start(System.getProperty("convene.dev-services.redis-server", "redis-server"),
          Path.of("target", "redis-rate-hang").toAbsolutePath(), port);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Map<String, String> props = new HashMap<>(TestServices.properties());
    props.put("redis.uri", redisServer.uri());
    return props;
  }

  @AfterAll
  void stopRedis() {
    if (redisServer != null) {
      signal("CONT");
      redisServer.close();
    }
  }

  @Test
  void limitsHoldPerNodeAndAnswerWithinTheDeadlineWhileRedisHangs() throws Exception {
    String hostToken = newMemberToken();
    String password = "blue-harbour-42";
    MeetingView open = scheduleMeeting(hostToken, Map.of("waitingRoomEnabled", false));
    MeetingView guarded = scheduleMeeting(hostToken,
        Map.of("waitingRoomEnabled", false, "requirePassword", true, "password", password));
    try (SignalingClient host = connect(hostToken);
        SignalingClient chatter = connect(newMemberToken());
        SignalingClient guesser = connect(newMemberToken())) {
      join(host, open, "Host");
      join(chatter, open, "Chatter");
      Thread.sleep(500);
      while (chatter.poll(100) != null) {
        // the join's own messages
      }

      signal("STOP");
      try {
        long sentAt = System.nanoTime();
        for (int i = 0; i < 30; i++) {
          chatter.send(new ChatSend("h-" + i, "during the hang " + i));
        }
        int acknowledged = 0;
        int limited = 0;
        long lastAnswerMillis = 0;
        while (acknowledged + limited < 30) {
          Signal s = chatter.poll(3_000);
          assertThat(s).as("an answer to every chat-send").isNotNull();
          if (s instanceof ChatMessage) {
            acknowledged++;
          } else if (s instanceof SignalError e && e.code() == ErrorCode.RATE_LIMITED) {
            limited++;
          } else {
            continue;
          }
          lastAnswerMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - sentAt);
        }
        long stored = count("SELECT count(*) FROM chat_messages WHERE meeting_id = ?", open.id());

        int wrong = 0;
        int refused = 0;
        for (int i = 0; i < 10; i++) {
          guesser.send(new JoinRequest("g" + i, guarded.joinCode(), "Guesser", false, false, "guess-" + i));
          ErrorCode code = guesser.expect(SignalError.class).code();
          if (code == ErrorCode.MEETING_PASSWORD_WRONG) {
            wrong++;
          } else if (code == ErrorCode.RATE_LIMITED) {
            refused++;
          }
        }
        LOG.info("Redis hung: 30 chats answered within {} ms: {} stored, {} RATE_LIMITED; 10 wrong passwords: "
            + "{} checked, {} RATE_LIMITED", lastAnswerMillis, stored, limited, wrong, refused);

        assertThat(lastAnswerMillis).as("every chat answered within 1 s").isLessThan(1_000);
        assertThat(acknowledged).isBetween(10, 11);
        assertThat(stored).isEqualTo(acknowledged);
        assertThat(limited).isEqualTo(30 - acknowledged);
        assertThat(wrong).isEqualTo(5);
        assertThat(refused).isEqualTo(5);
      } finally {
        signal("CONT");
      }
    }
  }

  /// Sends `SIG<name>` to this test's redis-server (found by its port on its command line).
  private static void signal(String name) {
    String port = Integer.toString(redisServer.port());
    List<ProcessHandle> servers = ProcessHandle.allProcesses()
        .filter(p -> {
          try { // redis-server rewrites its argv to "redis-server 127.0.0.1:<port>"
            String cmd = Files.readString(Path.of("/proc", Long.toString(p.pid()), "cmdline"))
                .replace('\0', ' ').trim();
            return cmd.contains("redis-server") && (cmd.endsWith(":" + port) || cmd.contains("--port " + port + " "));
          } catch (IOException | RuntimeException e) {
            return false;
          }
        })
        .toList();
    assertThat(servers).as("this test's redis-server").hasSize(1);
    for (ProcessHandle p : servers) {
      try {
        int exit = new ProcessBuilder("kill", "-" + name, Long.toString(p.pid())).inheritIO().start().waitFor();
        assertThat(exit).isZero();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
