package dev.flaxj.lax;

import dev.flaxj.array.DType;
import java.util.EnumSet;
import java.util.Set;

/**
 * The dtypes an elementwise primitive accepts at one operand position, with the names JAX gives
 * these categories in its error messages ({@code floating}, {@code integer}, ...).
 */
record DTypeSet(String description, Set<DType> members) {
  static final DTypeSet FLOATING = of("floating", DType.FLOAT32, DType.FLOAT64);
  static final DTypeSet INTEGER = of("integer", DType.INT32, DType.UINT32);
  static final DTypeSet NUMBER =
      of("integer, floating", DType.INT32, DType.UINT32, DType.FLOAT32, DType.FLOAT64);
  static final DTypeSet SIGNED_OR_FLOATING =
      of("floating, signedinteger", DType.INT32, DType.FLOAT32, DType.FLOAT64);
  static final DTypeSet BOOL_OR_INTEGER =
      of("integer, bool", DType.INT32, DType.UINT32, DType.BOOL);
  /** Every non-key dtype: JAX's {@code _any} and {@code _ordered} (there is no complex here). */
  static final DTypeSet ANY = of("integer, floating, bool",
      DType.INT32, DType.UINT32, DType.FLOAT32, DType.FLOAT64, DType.BOOL);
  /** {@link #ANY} plus typed PRNG keys, which {@code eq}/{@code ne}/{@code select_n} accept. */
  static final DTypeSet ANY_OR_KEY = of("integer, floating, bool, key",
      DType.INT32, DType.UINT32, DType.FLOAT32, DType.FLOAT64, DType.BOOL, DType.KEY);

  private static DTypeSet of(String description, DType first, DType... rest) {
    return new DTypeSet(description, EnumSet.of(first, rest));
  }

  boolean contains(DType d) {
    return members.contains(d);
  }
}
