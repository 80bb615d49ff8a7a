package dev.airlock.runtime;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.airlock.examples.demoapp.DemoAppOptions;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.springframework.context.ConfigurableApplicationContext;

/** Starts the Airlock runtime for a test: embedded engine on a free port, folders under a temp folder. */
final class TestRuntime {

  private TestRuntime() {}

  /** Starts the runtime; the demo identity may reach the origins of {@code targets}. */
  static ConfigurableApplicationContext start(Path data, List<URI> targets, String... extraArguments)
      throws IOException {
    Path identities = writeIdentities(data, targets);
    String[] base = {
      "--airlock.identities-file=" + identities,
      "--AIRLOCK_DEMO_USERNAME=" + DemoAppOptions.DEFAULT_USERNAME,
      "--AIRLOCK_SECRET_AIRLOCK_DEMO_PASSWORD=" + DemoAppOptions.DEFAULT_PASSWORD,
      "--airlock.engine.enabled=true",
      "--airlock.engine.port=0",
      "--airlock.engine.data-directory=" + data.resolve("engine"),
      "--airlock.evidence-directory=" + data.resolve("evidence"),
      "--airlock.keys-directory=" + data.resolve("keys"),
      "--server.port=0"
    };
    String[] arguments = new String[base.length + extraArguments.length];
    System.arraycopy(base, 0, arguments, 0, base.length);
    System.arraycopy(extraArguments, 0, arguments, base.length, extraArguments.length);
    return AirlockRuntimeApplication.start(arguments);
  }

  /** Writes the demo identity, allowed to reach only the given targets' origins. */
  private static Path writeIdentities(Path data, List<URI> targets) throws IOException {
    List<String> origins =
        targets.stream().map(uri -> uri.getScheme() + "://" + uri.getHost() + ":" + uri.getPort()).toList();
    Map<String, Object> identity =
        Map.of(
            "id", "invoice-clerk",
            "owner", "finance-robots",
            "allowedOrigins", origins,
            "allowedActions",
                List.of("goto", "fill", "click", "waitFor", "extract", "download", "screenshot", "assertVisible"),
            "credentials",
                Map.of("username", "env.AIRLOCK_DEMO_USERNAME", "password", "secrets.AIRLOCK_DEMO_PASSWORD"),
            "expiresAt", "2099-12-31T23:59:59Z",
            "revoked", false);
    Path file = data.resolve("identities.json");
    Files.createDirectories(data);
    new ObjectMapper().writerWithDefaultPrettyPrinter().writeValue(file.toFile(), Map.of("identities", List.of(identity)));
    return file;
  }
}
