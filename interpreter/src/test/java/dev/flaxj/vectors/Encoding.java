package dev.flaxj.vectors;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.flaxj.array.Array;
import dev.flaxj.array.DType;
import dev.flaxj.array.Shape;
import dev.flaxj.array.ShapedArray;

/**
 * Decodes the recorder's value encoding (see the docstring of
 * {@code conformance-tests/tools/record_jax_vectors.py}) into flaxj arrays.
 */
final class Encoding {
  private Encoding() {}

  static boolean isArray(JsonElement e) {
    return e != null && e.isJsonObject() && e.getAsJsonObject().has("dtype")
        && e.getAsJsonObject().has("data");
  }

  static boolean isKeyArray(JsonElement e) {
    return e != null && e.isJsonObject() && e.getAsJsonObject().has("key_data");
  }

  /** An array or a typed key array. */
  static boolean isAnyArray(JsonElement e) {
    return isArray(e) || isKeyArray(e);
  }

  static boolean isPyScalar(JsonElement e) {
    return e != null && e.isJsonObject() && e.getAsJsonObject().has("py");
  }

  /** An encoded array or typed key array as a flaxj {@link Array}, bit for bit. */
  static Array array(JsonElement e) {
    JsonObject o = e.getAsJsonObject();
    if (isKeyArray(o)) {
      Array data = array(o.get("key_data"));
      return Array.ofWords(DType.KEY, data.toIntArray(), shape(o.getAsJsonArray("shape")));
    }
    if (!isArray(o)) {
      throw new IllegalArgumentException("not an encoded array: " + o);
    }
    DType dtype = DType.fromJaxName(o.get("dtype").getAsString());
    ShapedArray aval = new ShapedArray(Shape.of(shape(o.getAsJsonArray("shape"))), dtype,
        o.has("weak_type") && o.get("weak_type").getAsBoolean());
    return Array.wrap(aval, storage(o, dtype));
  }

  /** A Python scalar operand as JAX sees it: weak int32/float32, or a (strong) bool scalar. */
  static Array pyScalar(JsonElement e) {
    JsonObject o = e.getAsJsonObject();
    String type = o.get("py").getAsString();
    JsonElement v = o.get("value");
    switch (type) {
      case "float": return Array.weak(v.getAsDouble());
      case "int": return Array.weak(v.getAsInt());
      case "bool": return Array.scalar(v.getAsBoolean());
      default: throw new IllegalArgumentException("unknown Python scalar type " + type);
    }
  }

  /** An argument that is either an encoded array or a Python scalar, as an {@link Array}. */
  static Array operand(JsonElement e) {
    return isPyScalar(e) ? pyScalar(e) : array(e);
  }

  static int[] shape(JsonArray dims) {
    int[] s = new int[dims.size()];
    for (int i = 0; i < s.length; i++) {
      s[i] = dims.get(i).getAsInt();
    }
    return s;
  }

  /** The exact float32 values of an encoded float32 array, from its {@code bits}. */
  static float[] floats(JsonObject o) {
    JsonArray bits = o.getAsJsonArray("bits");
    float[] out = new float[bits.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = Float.intBitsToFloat(bitPattern(bits.get(i).getAsString()));
    }
    return out;
  }

  /** {@code "0x3f800000"} as the int with that bit pattern. */
  static int bitPattern(String hex) {
    if (!hex.startsWith("0x")) {
      throw new IllegalArgumentException("bit pattern without 0x prefix: " + hex);
    }
    return Integer.parseUnsignedInt(hex.substring(2), 16);
  }

  /** The decimal {@code data} entry of a float32 array: a number, or "nan", "inf", "-inf". */
  static float decimal(JsonElement e) {
    if (e.getAsJsonPrimitive().isNumber()) {
      return (float) e.getAsDouble();
    }
    switch (e.getAsString()) {
      case "nan": return Float.NaN;
      case "inf": return Float.POSITIVE_INFINITY;
      case "-inf": return Float.NEGATIVE_INFINITY;
      default: throw new IllegalArgumentException("bad float entry " + e);
    }
  }

  private static Object storage(JsonObject o, DType dtype) {
    JsonArray data = o.getAsJsonArray("data");
    switch (dtype) {
      case FLOAT32:
        return floats(o);
      case BOOL: {
        boolean[] out = new boolean[data.size()];
        for (int i = 0; i < out.length; i++) {
          out[i] = data.get(i).getAsBoolean();
        }
        return out;
      }
      case INT32:
      case UINT32: {
        int[] out = new int[data.size()];
        for (int i = 0; i < out.length; i++) {
          out[i] = (int) data.get(i).getAsLong(); // uint32 keeps its bit pattern
        }
        return out;
      }
      default:
        throw new IllegalArgumentException("vectors hold no " + dtype + " arrays");
    }
  }
}
