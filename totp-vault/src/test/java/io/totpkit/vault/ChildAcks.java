package io.totpkit.vault;

import java.io.BufferedReader;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

/** Collects the {@code ack ID} lines a {@link VaultChild} prints, on a thread of its own, until its output ends. */
final class ChildAcks {
  final List<UUID> ids = new CopyOnWriteArrayList<>();
  private final Thread reader;

  ChildAcks(BufferedReader out) {
    reader = new Thread(() -> {
      try {
        for (String line = out.readLine(); line != null; line = out.readLine()) {
          if (line.startsWith("ack ")) {
            ids.add(UUID.fromString(line.substring(4)));
          }
        }
      } catch (java.io.IOException ended) {
        // The child ended or was killed.
      }
    });
    reader.start();
  }

  /** Waits until the child's output has ended. */
  void join() throws InterruptedException {
    reader.join();
  }
}
