package dev.airlock.engine;

import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * Starts a local engine from the command line and runs it until the JVM is stopped.
 *
 * <pre>
 * --port N     REST API port (default 8088)
 * --data DIR   data directory (default .airlock/engine under the working directory)
 * </pre>
 */
public final class LocalEngineMain {

  static final int DEFAULT_PORT = 8088;

  private LocalEngineMain() {}

  public static void main(String[] args) throws InterruptedException {
    LocalEngineOptions options;
    try {
      options = parse(args);
    } catch (IllegalArgumentException e) {
      System.err.println(e.getMessage());
      System.err.println("Usage: engine [--port N] [--data DIR]");
      System.exit(2);
      return;
    }
    LocalEngine engine;
    try {
      engine = LocalEngine.start(options);
    } catch (IllegalStateException | UncheckedIOException e) {
      System.err.println(e.getMessage());
      System.exit(1);
      return;
    }
    var stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      engine.close();
      stopped.countDown();
    }, "local-engine-shutdown"));

    System.out.println("Local engine REST API: " + engine.restAddress() + "/v2");
    System.out.println("  camunda-client-java: restAddress(" + engine.restAddress()
        + "), preferRestOverGrpc(true)");
    System.out.println("Local engine UI: " + engine.uiAddress());
    System.out.println("Single node for one machine; stop with Ctrl+C.");
    stopped.await();
  }

  static LocalEngineOptions parse(String[] args) {
    var options = LocalEngineOptions.defaults().withPort(DEFAULT_PORT);
    for (int i = 0; i < args.length; i++) {
      var argument = args[i];
      switch (argument) {
        case "--port" -> options = options.withPort(port(value(args, ++i, argument)));
        case "--data" -> options = options.withDataDirectory(Path.of(value(args, ++i, argument)));
        default -> throw new IllegalArgumentException("Unknown option '" + argument + "'");
      }
    }
    return options;
  }

  private static String value(String[] args, int index, String option) {
    if (index >= args.length) {
      throw new IllegalArgumentException("Option " + option + " needs a value");
    }
    return args[index];
  }

  private static int port(String value) {
    try {
      return Integer.parseInt(value);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("--port must be a number, but was '" + value + "'");
    }
  }
}
