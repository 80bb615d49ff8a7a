package dev.airlock.engine.engine;

import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs engine commands one at a time, each in one database transaction. Serialising commands is
 * what guarantees that two workers never activate the same job; a single node needs no more.
 */
public final class CommandRunner {

  private final ReentrantLock lock = new ReentrantLock();
  private final TransactionTemplate transactions;
  private final JobSignal signal;
  private boolean jobsAvailable;

  public CommandRunner(TransactionTemplate transactions, JobSignal signal) {
    this.transactions = transactions;
    this.signal = signal;
  }

  public <T> T run(Supplier<T> command) {
    lock.lock();
    try {
      jobsAvailable = false;
      var result = transactions.execute(status -> command.get());
      if (jobsAvailable) {
        signal.jobsAvailable();
      }
      return result;
    } finally {
      jobsAvailable = false;
      lock.unlock();
    }
  }

  public void run(Runnable command) {
    run(
        () -> {
          command.run();
          return null;
        });
  }

  /** Notes, inside a command, that waiting activation requests should look again after commit. */
  void markJobsAvailable() {
    jobsAvailable = true;
  }
}
