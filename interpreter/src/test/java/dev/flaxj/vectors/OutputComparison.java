package dev.flaxj.vectors;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.flaxj.array.Array;
import dev.flaxj.array.DType;
import dev.flaxj.array.Value;
import java.util.Arrays;
import java.util.List;

/**
 * Compares a flaxj result with a recorded JAX output: structure, dtype, shape and weak type
 * exactly; integers, bools and key words exactly; float32 within {@link FloatTolerance}.
 * A result is an {@link Array}, or a {@link List} (or Java array) of results for a recorded list.
 */
final class OutputComparison {
  private OutputComparison() {}

  static Comparison compare(Object actual, JsonElement expected) {
    Comparison c = new Comparison();
    compare("", actual, expected, c);
    return c;
  }

  private static void compare(String where, Object actual, JsonElement expected, Comparison c) {
    if (expected.isJsonArray()) {
      compareList(where, actual, expected.getAsJsonArray(), c);
    } else if (Encoding.isAnyArray(expected)) {
      if (!(actual instanceof Value)) {
        c.mismatch(where, "expected an array, got " + describe(actual));
      } else if (!(actual instanceof Array)) {
        c.mismatch(where, "expected a concrete Array, got " + actual.getClass().getSimpleName());
      } else {
        compareArray(where, (Array) actual, expected.getAsJsonObject(), c);
      }
    } else {
      c.mismatch(where, "recorded output of unknown form: " + expected);
    }
  }

  private static void compareList(String where, Object actual, JsonArray expected, Comparison c) {
    List<?> items = actual instanceof List ? (List<?>) actual
        : actual instanceof Object[] ? Arrays.asList((Object[]) actual) : null;
    if (items == null) {
      c.mismatch(where, "expected a list of " + expected.size() + ", got " + describe(actual));
      return;
    }
    if (items.size() != expected.size()) {
      c.mismatch(where, "expected a list of " + expected.size() + ", got " + items.size() + " items");
      return;
    }
    for (int i = 0; i < items.size(); i++) {
      compare(where + "[" + i + "]", items.get(i), expected.get(i), c);
    }
  }

  private static void compareArray(String where, Array actual, JsonObject expected, Comparison c) {
    String expectedDtype = expected.get("dtype").getAsString();
    int[] expectedShape = Encoding.shape(expected.getAsJsonArray("shape"));
    if (!actual.dtype().jaxName().equals(expectedDtype)) {
      c.mismatch(where, "dtype " + actual.dtype().jaxName() + ", expected " + expectedDtype);
      return;
    }
    if (!Arrays.equals(actual.shape().dims(), expectedShape)) {
      c.mismatch(where, "shape " + actual.shape() + ", expected " + Arrays.toString(expectedShape));
      return;
    }
    if (Encoding.isKeyArray(expected)) {
      compareWords(where, actual.rawInts(), Encoding.array(expected.get("key_data")).rawInts(), false, c);
      return;
    }
    boolean expectedWeak = expected.has("weak_type") && expected.get("weak_type").getAsBoolean();
    if (actual.weakType() != expectedWeak) {
      c.mismatch(where, "weak_type " + actual.weakType() + ", expected " + expectedWeak);
    }
    Array wanted = Encoding.array(expected);
    if (actual.dtype() == DType.FLOAT32) {
      compareFloats(where, actual.rawFloats(), wanted.rawFloats(), c);
    } else if (actual.dtype() == DType.BOOL) {
      boolean[] a = actual.rawBools();
      boolean[] e = wanted.rawBools();
      for (int i = 0; i < a.length; i++) {
        if (a[i] != e[i]) {
          c.mismatch(where + "[" + i + "]", a[i] + ", expected " + e[i]);
        }
      }
    } else {
      compareWords(where, actual.rawInts(), wanted.rawInts(), actual.dtype() == DType.INT32, c);
    }
  }

  private static void compareFloats(String where, float[] actual, float[] expected, Comparison c) {
    for (int i = 0; i < actual.length; i++) {
      c.recordFloat(actual[i], expected[i]);
      if (!FloatTolerance.close(actual[i], expected[i])) {
        c.mismatch(where + "[" + i + "]", actual[i] + ", expected " + expected[i] + " ("
            + FloatTolerance.ulpDistance(actual[i], expected[i]) + " ulp)");
      }
    }
  }

  private static void compareWords(
      String where, int[] actual, int[] expected, boolean signed, Comparison c) {
    for (int i = 0; i < actual.length; i++) {
      if (actual[i] != expected[i]) {
        c.mismatch(where + "[" + i + "]", word(actual[i], signed) + ", expected " + word(expected[i], signed));
      }
    }
  }

  private static String word(int w, boolean signed) {
    return (signed ? Integer.toString(w) : Integer.toUnsignedString(w)) + " (0x" + Integer.toHexString(w) + ")";
  }

  private static String describe(Object o) {
    return o == null ? "null" : o.getClass().getSimpleName() + " " + o;
  }
}
