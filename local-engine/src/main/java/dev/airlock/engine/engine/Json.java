package dev.airlock.engine.engine;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.util.List;
import java.util.Map;

/**
 * Converts variable values between JSON text (as stored and sent over the API) and plain Java
 * values (as FEEL reads and returns them). FEEL dates and times become ISO-8601 strings.
 */
public final class Json {

  private static final ObjectMapper MAPPER =
      JsonMapper.builder()
          .addModule(new JavaTimeModule())
          .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
          .build();

  private Json() {}

  public static String write(Object value) {
    try {
      return MAPPER.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(
          "Value of type " + value.getClass().getName() + " cannot be written as JSON", e);
    }
  }

  public static Object read(String json) {
    try {
      return MAPPER.readValue(json, Object.class);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Stored JSON value is not readable: " + e.getMessage(), e);
    }
  }

  @SuppressWarnings("unchecked")
  public static Map<String, String> readStringMap(String json) {
    return (Map<String, String>) (Map<?, ?>) read(json);
  }

  @SuppressWarnings("unchecked")
  public static List<String> readStringList(String json) {
    return (List<String>) read(json);
  }

  public static ObjectMapper mapper() {
    return MAPPER;
  }
}
