package com.convene.desktop.ui.call;

import com.convene.desktop.call.RetryDelays;
import com.convene.desktop.ui.Messages;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/// A call lost and joined again in the same window (issue 12 item 7, issue 16 item 11), and what the window says
/// meanwhile: "The call was lost. Reconnecting… (attempt n)" while it joins again by itself, then, if that does
/// not succeed, why it was lost with a button to try again. The window never goes back to the meetings list by
/// itself after a loss. FX thread only.
///
/// Lost means ended as `media-failed`, `resume-refused` or `connection-lost` (the signaling gave up, or the server
/// closed the socket): the window joins again, at most [#MAX_AUTOMATIC_REJOINS] times per window. A join that
/// finds the server unreachable is tried again after [RetryDelays#RECONNECT] for up to [#REJOIN_WINDOW_NANOS]
/// after the loss; a join the server refuses ends the call as before.
public final class CallLoss {
  /// Automatic rejoins one call window makes before it gives up and shows why.
  static final int MAX_AUTOMATIC_REJOINS = 10;
  /// How long after a call was lost the window keeps joining again while the server cannot be reached, ns.
  static final long REJOIN_WINDOW_NANOS = TimeUnit.MINUTES.toNanos(5);
  /// End reasons after which joining again in the same window is worth a try.
  private static final Set<String> REJOINABLE = Set.of("media-failed", "resume-refused", "connection-lost");
  private static final Logger LOG = LoggerFactory.getLogger(CallLoss.class);

  /// What the call window does after a call ended.
  enum Next {
    /// The user already left this lost call: nothing.
    IGNORE,
    /// Joining again (now or after a delay); the window stays and says so.
    REJOINING,
    /// Gave up joining again by itself: the window stays, says why and offers "Join again".
    GAVE_UP,
    /// The call is over: close the window.
    CLOSE
  }

  private final ReadOnlyBooleanWrapper lost = new ReadOnlyBooleanWrapper();
  private final ReadOnlyBooleanWrapper retrying = new ReadOnlyBooleanWrapper();
  private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
  private @Nullable Runnable rejoin;
  private int automaticRejoins;
  /// Whether the call being started is a rejoin (cleared once joined).
  private boolean rejoining;
  /// `System.nanoTime()` when the call that is being rejoined was lost.
  private long lostAtNanos;
  /// Join attempts of the current rejoin that found the server unreachable.
  private int unreachableAttempts;
  /// Whether the latest join failure was "server unreachable" (not a refusal).
  private boolean lastJoinUnreachable;
  /// Set when the user left a lost call: later events of the abandoned session change nothing.
  private boolean abandoned;

  /// Whether the call is lost (joining again, or given up); the view covers the stage with the message.
  public ReadOnlyBooleanProperty lostProperty() {
    return lost.getReadOnlyProperty();
  }

  /// Whether the window is joining again by itself now (`false` once it gave up: then "Join again" shows).
  public ReadOnlyBooleanProperty retryingProperty() {
    return retrying.getReadOnlyProperty();
  }

  /// What to tell the user, empty while the call is not lost.
  public ReadOnlyStringProperty messageProperty() {
    return message.getReadOnlyProperty();
  }

  /// How the app joins the same meeting again in this window.
  void onRejoinNeeded(Runnable rejoin) {
    this.rejoin = rejoin;
  }

  /// Whether the user left this lost call (later events of its sessions change nothing).
  boolean abandoned() {
    return abandoned;
  }

  /// Whether the call being started is a rejoin.
  boolean rejoining() {
    return rejoining;
  }

  /// The latest join failed; `unreachable` when the server did not answer (rather than refused).
  void joinFailed(boolean unreachable) {
    lastJoinUnreachable = unreachable;
  }

  /// In the call (again); returns whether this was a rejoin.
  boolean joined() {
    boolean was = rejoining;
    rejoining = false;
    unreachableAttempts = 0;
    clear();
    return was;
  }

  /// Decides what follows the end of a call with `reason` (see [CallListener#onEnded] for the words), and starts
  /// joining again when that is it.
  Next ended(String reason) {
    if (abandoned) {
      return Next.IGNORE;
    }
    boolean isLost = REJOINABLE.contains(reason);
    boolean unreachable = rejoining && "join-failed".equals(reason) && lastJoinUnreachable;
    if (isLost && rejoin != null && automaticRejoins < MAX_AUTOMATIC_REJOINS) {
      automaticRejoins++;
      LOG.info("Call lost ({}); joining again, attempt {} of {}", reason, automaticRejoins, MAX_AUTOMATIC_REJOINS);
      lostAtNanos = System.nanoTime();
      start();
      return Next.REJOINING;
    }
    if (unreachable && rejoin != null && System.nanoTime() - lostAtNanos < REJOIN_WINDOW_NANOS) {
      // the server is not back yet (a restart, a network still down): try again shortly, without a click
      long delay = RetryDelays.RECONNECT.apply(++unreachableAttempts);
      retrying(unreachableAttempts + 1);
      LOG.info("Server unreachable while rejoining; trying again in {} ms", delay);
      Runnable again = rejoin;
      CompletableFuture.delayedExecutor(delay, TimeUnit.MILLISECONDS).execute(() -> Platform.runLater(() -> {
        if (!abandoned) {
          again.run();
        }
      }));
      return Next.REJOINING;
    }
    if ((isLost || unreachable) && rejoin != null) {
      rejoining = false;
      lost.set(true);
      retrying.set(false);
      String why = unreachable ? Messages.get("call.lost.unreachable") : CallViewModel.endMessage(reason);
      message.set(Messages.get("call.lost.final", why));
      return Next.GAVE_UP;
    }
    clear();
    return Next.CLOSE;
  }

  /// "Join again" after the window gave up: starts over with a fresh count.
  void rejoinNow() {
    if (rejoin != null && lost.get() && !retrying.get()) {
      automaticRejoins = 0;
      start();
    }
  }

  /// The user leaves while the call is lost; returns whether a rejoin session is being started (to be left too).
  boolean abandon() {
    abandoned = true;
    clear();
    return rejoining;
  }

  private void start() {
    rejoining = true;
    unreachableAttempts = 0;
    retrying(1);
    Runnable again = rejoin;
    if (again != null) {
      again.run();
    }
  }

  private void retrying(int attempt) {
    lost.set(true);
    retrying.set(true);
    message.set(Messages.get("call.lost.retrying", attempt));
  }

  private void clear() {
    lost.set(false);
    retrying.set(false);
    message.set("");
  }
}
