package dev.airlock.runtime;

import picocli.CommandLine;

/** Version of the Airlock runtime, read from the jar manifest. */
public final class AirlockVersion implements CommandLine.IVersionProvider {

  @Override
  public String[] getVersion() {
    String version = AirlockVersion.class.getPackage().getImplementationVersion();
    return new String[] {"airlock " + (version == null ? "development build" : version)};
  }
}
