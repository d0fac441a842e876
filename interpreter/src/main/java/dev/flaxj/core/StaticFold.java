package dev.flaxj.core;

import dev.flaxj.array.Value;
import dev.flaxj.errors.PyValueError;
import dev.flaxj.random.Random;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;

/**
 * Flax's way of turning a scope path and an RNG counter into a key ({@code _fold_in_static} in
 * {@code flax/core/scope.py}): SHA-1 over the path items (strings as UTF-8, non-negative
 * integers as their minimal big-endian bytes, 0 as no bytes), with a zero byte before each item
 * only under the flag {@code flax_fix_rng_separator} (default off), the first four digest bytes as
 * a big-endian uint32, then one {@code fold_in}. An empty path leaves the key as it is.
 */
public final class StaticFold {
  private StaticFold() {}

  /**
   * {@code fold_in(key, hash(path))} with Flax's default flags. Path items are {@link String}s and
   * non-negative integers.
   */
  public static Value foldInStatic(Value key, List<?> path) {
    return foldInStatic(key, path, false);
  }

  /** As {@link #foldInStatic(Value, List)}, with {@code flax_fix_rng_separator} given. */
  public static Value foldInStatic(Value key, List<?> path, boolean fixSeparator) {
    return path.isEmpty() ? key : Random.foldIn(key, hash(path, fixSeparator));
  }

  /** The uint32 (as an int bit pattern) that Flax folds into the key for {@code path}. */
  public static int hash(List<?> path, boolean fixSeparator) {
    MessageDigest sha1;
    try {
      sha1 = MessageDigest.getInstance("SHA-1");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK has no SHA-1", e);
    }
    for (Object item : path) {
      if (fixSeparator) {
        sha1.update((byte) 0);
      }
      sha1.update(bytesOf(item));
    }
    byte[] d = sha1.digest();
    return ((d[0] & 0xff) << 24) | ((d[1] & 0xff) << 16) | ((d[2] & 0xff) << 8) | (d[3] & 0xff);
  }

  private static byte[] bytesOf(Object item) {
    if (item instanceof String) {
      return ((String) item).getBytes(StandardCharsets.UTF_8);
    }
    if (item instanceof Integer || item instanceof Long) {
      long v = ((Number) item).longValue();
      if (v < 0) {
        throw new ArithmeticException("can't convert negative int to unsigned"); // Python's OverflowError
      }
      byte[] b = BigInteger.valueOf(v).toByteArray();
      int skip = 0;
      while (skip < b.length && b[skip] == 0) {
        skip++;
      }
      return java.util.Arrays.copyOfRange(b, skip, b.length);
    }
    throw new PyValueError("Expected int or string, got: " + (item == null ? "None" : item));
  }
}
