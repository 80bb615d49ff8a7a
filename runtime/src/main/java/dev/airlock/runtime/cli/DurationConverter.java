package dev.airlock.runtime.cli;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import picocli.CommandLine;

/** Reads ISO-8601 durations such as {@code PT10M} from the command line. */
public final class DurationConverter implements CommandLine.ITypeConverter<Duration> {

  @Override
  public Duration convert(String value) {
    try {
      return Duration.parse(value);
    } catch (DateTimeParseException e) {
      throw new CommandLine.TypeConversionException(
          "'" + value + "' is not an ISO-8601 duration; write for example PT10M for 10 minutes");
    }
  }
}
