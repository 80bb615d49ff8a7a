package dev.airlock.engine.store;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.jdbc.core.RowMapper;

/**
 * Maps a row to a record whose components are named like the columns in camel case
 * ({@code process_instance_key} to {@code processInstanceKey}). Spring's DataClassRowMapper
 * first looks each column up by its camel-case name, and H2 throws an exception for every
 * miss, which costs a stack trace each. This mapper reads the snake-case name only.
 */
final class RecordRowMapper<T extends Record> implements RowMapper<T> {

  private static final Map<Class<?>, RecordRowMapper<?>> MAPPERS = new ConcurrentHashMap<>();

  private final Constructor<T> constructor;
  private final String[] columns;
  private final Class<?>[] types;

  private RecordRowMapper(Class<T> type) {
    var components = type.getRecordComponents();
    this.types = Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new);
    this.columns = Arrays.stream(components).map(c -> snakeCase(c.getName()))
        .toArray(String[]::new);
    try {
      this.constructor = type.getDeclaredConstructor(types);
    } catch (NoSuchMethodException e) {
      throw new IllegalStateException("Record " + type.getName() + " has no canonical constructor",
          e);
    }
  }

  @SuppressWarnings("unchecked")
  static <T extends Record> RecordRowMapper<T> of(Class<T> type) {
    return (RecordRowMapper<T>) MAPPERS.computeIfAbsent(type, t -> new RecordRowMapper<>(type));
  }

  @Override
  public T mapRow(ResultSet resultSet, int rowNumber) throws SQLException {
    var values = new Object[columns.length];
    for (int i = 0; i < columns.length; i++) {
      values[i] = read(resultSet, columns[i], types[i]);
    }
    try {
      return constructor.newInstance(values);
    } catch (InstantiationException | IllegalAccessException | InvocationTargetException e) {
      throw new IllegalStateException("Could not create " + constructor.getName() + " from a row",
          e);
    }
  }

  private static Object read(ResultSet resultSet, String column, Class<?> type)
      throws SQLException {
    if (type == long.class) {
      return resultSet.getLong(column);
    }
    if (type == int.class) {
      return resultSet.getInt(column);
    }
    if (type == Long.class) {
      var value = resultSet.getLong(column);
      return resultSet.wasNull() ? null : value;
    }
    if (type == Integer.class) {
      var value = resultSet.getInt(column);
      return resultSet.wasNull() ? null : value;
    }
    if (type == byte[].class) {
      return resultSet.getBytes(column);
    }
    return resultSet.getString(column);
  }

  private static String snakeCase(String name) {
    var result = new StringBuilder();
    for (var c : name.toCharArray()) {
      if (Character.isUpperCase(c)) {
        result.append('_').append(Character.toLowerCase(c));
      } else {
        result.append(c);
      }
    }
    return result.toString();
  }
}
