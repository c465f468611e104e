package io.totpkit.vault;

import java.io.BufferedReader;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * Collects the lines a {@link VaultChild} prints, on a thread of its own, until its output ends: the {@code ack ID}
 * lines as ids, and every line as it was printed.
 */
final class ChildAcks {
  final List<UUID> ids = new CopyOnWriteArrayList<>();
  final List<String> lines = new CopyOnWriteArrayList<>();
  private final Thread reader;

  ChildAcks(BufferedReader out) {
    reader = new Thread(() -> {
      try {
        for (String line = out.readLine(); line != null; line = out.readLine()) {
          if (line.startsWith("ack ")) {
            ids.add(UUID.fromString(line.substring(4)));
          }
          lines.add(line);
        }
      } catch (java.io.IOException ended) {
        // The child ended or was killed.
      }
    });
    reader.start();
  }

  /** Waits until the child has printed a line {@code wanted} accepts; false if its output ended or time ran out. */
  boolean await(java.util.function.Predicate<String> wanted, long timeout, TimeUnit unit)
      throws InterruptedException {
    long deadline = System.nanoTime() + unit.toNanos(timeout);
    while (lines.stream().noneMatch(wanted)) {
      if (!reader.isAlive() || System.nanoTime() > deadline) {
        return lines.stream().anyMatch(wanted);
      }
      Thread.sleep(1);
    }
    return true;
  }

  /** Waits until the child's output has ended. */
  void join() throws InterruptedException {
    reader.join();
  }
}
