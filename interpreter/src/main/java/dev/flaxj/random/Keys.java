package dev.flaxj.random;

import dev.flaxj.array.Array;
import dev.flaxj.array.DType;
import dev.flaxj.array.Value;
import dev.flaxj.lax.Lax;

/**
 * Key arguments as {@code jax.random} takes them: typed keys ({@code key<fry>}) are used as they
 * are; raw uint32 key data (legacy {@code PRNGKey}s, trailing dimension 2) is wrapped first, and
 * functions that return keys unwrap them again for such callers.
 */
final class Keys {
  private Keys() {}

  /** A key argument after checking: the typed key, and whether the caller passed raw data. */
  record Checked(Value typed, boolean wasRaw) {
    /** A key result in the caller's form: typed, or raw data if a raw key came in. */
    Value returned(Value typedResult) {
      return wasRaw ? Lax.randomUnwrap(typedResult) : typedResult;
    }
  }

  /** Checks a single key (shape {@code ()} once typed) passed to function {@code name}. */
  static Checked single(String name, Value key) {
    Checked c = any(name, key);
    if (c.typed.rank() != 0) {
      throw new IllegalArgumentException(name + " accepts a single key, but was given a key array"
          + " of shape " + key.shape() + " != (); use vmap for batching");
    }
    return c;
  }

  /** Checks a key array of any shape passed to function {@code name}. */
  static Checked any(String name, Value key) {
    if (key.dtype() == DType.KEY) {
      return new Checked(key, false);
    }
    return new Checked(wrap(name, key), true);
  }

  /** Wraps uint32 key data of shape {@code (..., 2)}, or throws naming {@code name}. */
  static Value wrap(String name, Value data) {
    int rank = data.rank();
    if (data.dtype() != DType.UINT32 || rank < 1 || data.shape().dim(rank - 1) != 2) {
      throw new IllegalArgumentException(name + ": expected a typed key or uint32 key data of"
          + " shape (..., 2), got " + data.aval().str());
    }
    return Lax.randomWrap(data);
  }

  /**
   * The key data of a seed, as {@code jax.random.key} computes it with 64-bit types disabled
   * (JAX's default): the seed becomes an int32 (its low 32 bits), whose high word (a logical
   * shift right by 32) is 0 and whose low word is its bit pattern as uint32.
   */
  static Array seedData(long seed) {
    return Array.ofUint32(new int[] {0, (int) seed}, 2);
  }
}
