package dev.airlock.engine.store;

import java.util.ArrayDeque;
import java.util.Deque;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Hands out the engine's keys from the H2 sequence {@code engine_key}. Keys are unique for the
 * life of the data directory: a block fetched but not used before a stop is skipped, never reused.
 * The first key has partition 1 in its high bits, as Camunda 8 keys do.
 */
public final class Keys {

  private static final int BLOCK_SIZE = 64;

  private final JdbcClient jdbc;
  private final Deque<Long> block = new ArrayDeque<>();

  public Keys(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Returns the next unused key. */
  public synchronized long next() {
    if (block.isEmpty()) {
      block.addAll(
          jdbc.sql("SELECT NEXT VALUE FOR engine_key FROM SYSTEM_RANGE(1, " + BLOCK_SIZE + ")")
              .query(Long.class)
              .list());
    }
    return block.removeFirst();
  }
}
