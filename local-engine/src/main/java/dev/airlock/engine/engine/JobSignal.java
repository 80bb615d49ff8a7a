package dev.airlock.engine.engine;

/**
 * Wakes job activation requests that wait (long polling) when new jobs may be activatable.
 * Waiters also wake on their own at short intervals, because a retry backoff or a job timeout
 * ends without any command.
 */
public final class JobSignal {

  private final Object monitor = new Object();
  private long generation;
  private boolean closed;

  public long generation() {
    synchronized (monitor) {
      return generation;
    }
  }

  public void jobsAvailable() {
    synchronized (monitor) {
      generation++;
      monitor.notifyAll();
    }
  }

  /** Waits until a signal after {@code seenGeneration}, {@code maxMillis}, or close. */
  public void await(long seenGeneration, long maxMillis) throws InterruptedException {
    synchronized (monitor) {
      if (generation == seenGeneration && !closed && maxMillis > 0) {
        monitor.wait(maxMillis);
      }
    }
  }

  public boolean isClosed() {
    synchronized (monitor) {
      return closed;
    }
  }

  /** Releases every waiter, so that a stopping engine answers its long polls at once. */
  public void close() {
    synchronized (monitor) {
      closed = true;
      monitor.notifyAll();
    }
  }
}
