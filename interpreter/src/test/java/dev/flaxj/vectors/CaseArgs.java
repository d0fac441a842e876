package dev.flaxj.vectors;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.flaxj.array.Array;
import dev.flaxj.array.DType;
import java.util.ArrayList;
import java.util.List;

/** The recorded arguments of one case, with typed accessors; a missing name is an error. */
final class CaseArgs {
  private final JsonObject json;

  CaseArgs(JsonObject json) {
    this.json = json;
  }

  JsonObject json() {
    return json;
  }

  boolean has(String name) {
    return json.has(name);
  }

  /** True when the argument is present and JSON null (Python None). */
  boolean isNone(String name) {
    return json.has(name) && json.get(name).isJsonNull();
  }

  JsonElement get(String name) {
    JsonElement e = json.get(name);
    if (e == null) {
      throw new IllegalArgumentException("case has no argument '" + name + "': " + json);
    }
    return e;
  }

  /** An encoded array (or typed key array). */
  Array array(String name) {
    return Encoding.array(get(name));
  }

  /** An encoded array or a Python scalar operand. */
  Array operand(String name) {
    return Encoding.operand(get(name));
  }

  /**
   * An argument as a Java user would pass it to an array-like parameter: a Python scalar as the
   * boxed Java {@code Integer}, {@code Double} or {@code Boolean}, an encoded array as an
   * {@link Array}, None as null.
   */
  Object arrayLike(String name) {
    JsonElement e = get(name);
    if (e.isJsonNull()) {
      return null;
    }
    if (!Encoding.isPyScalar(e)) {
      return Encoding.array(e);
    }
    JsonElement v = e.getAsJsonObject().get("value");
    switch (e.getAsJsonObject().get("py").getAsString()) {
      case "int": return v.getAsInt();
      case "float": return v.getAsDouble();
      case "bool": return v.getAsBoolean();
      default: throw new IllegalArgumentException("unknown Python scalar " + e);
    }
  }

  /** A list of encoded arrays. */
  List<Array> arrays(String name) {
    List<Array> out = new ArrayList<>();
    for (JsonElement e : get(name).getAsJsonArray()) {
      out.add(Encoding.operand(e));
    }
    return out;
  }

  boolean isArray(String name) {
    return Encoding.isAnyArray(get(name));
  }

  boolean isPyScalar(String name) {
    return Encoding.isPyScalar(get(name));
  }

  /** A JSON list of ints (a shape). */
  int[] ints(String name) {
    return Encoding.shape(get(name).getAsJsonArray());
  }

  boolean isList(String name) {
    return get(name).isJsonArray();
  }

  int integer(String name) {
    return get(name).getAsInt();
  }

  long longValue(String name) {
    return get(name).getAsLong();
  }

  double number(String name) {
    return get(name).getAsDouble();
  }

  boolean bool(String name) {
    return get(name).getAsBoolean();
  }

  String string(String name) {
    return get(name).getAsString();
  }

  DType dtype(String name) {
    return DType.fromJaxName(string(name));
  }

  /** An axis argument: null (None), one int, or a list of ints, as an int[] (null for None). */
  int[] axes(String name) {
    JsonElement e = get(name);
    if (e.isJsonNull()) {
      return null;
    }
    return e.isJsonArray() ? Encoding.shape(e.getAsJsonArray()) : new int[] {e.getAsInt()};
  }

  /** A nested object argument (for example the constructor parameters of an initializer). */
  CaseArgs nested(String name) {
    return new CaseArgs(get(name).getAsJsonObject());
  }

  JsonArray list(String name) {
    return get(name).getAsJsonArray();
  }

  @Override
  public String toString() {
    return json.toString();
  }
}
